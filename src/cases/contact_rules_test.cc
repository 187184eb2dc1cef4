#include "cases/contact_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace probity::cases {
namespace {

UtcTime T(const char* text) { return ParseUtc(text).value(); }
const UtcTime kNow = T("2026-11-23T09:00:00.000000Z");

// The field at fault, or "" when the check passes.
std::string FieldOf(const Status& s) { return s ? "" : s.error().field; }
std::string CodeOf(const Status& s) { return s ? "" : s.error().code; }

TEST(CheckNewContact, FollowsThePolicyForRecordedContacts) {
  const std::string longest(kMaxNoteCharacters, 'a');
  // 20,000 characters of two bytes each: counted as characters, not bytes.
  std::string accented;
  for (size_t i = 0; i < kMaxNoteCharacters; ++i) accented += "\xC3\xA9";  // é
  const struct {
    const char* why;
    NewContact contact;
    std::string field;  // "" when accepted
    std::string code;
  } cases[] = {
      {"a phone call now", {"phone_call", kNow, "Rang to check in.", {}}, "", ""},
      {"no time given: now", {"home_visit", std::nullopt, "Visited.", {}}, "", ""},
      {"every contact type is accepted", {"management_oversight", kNow, "Reviewed.", {}}, "", ""},
      {"unknown type", {"carrier_pigeon", kNow, "Coo.", {}}, "type", "invalid_code"},
      {"a system event kind is not a contact type",
       {"person.registered", kNow, "x", {}},
       "type",
       "invalid_code"},
      {"empty type", {"", kNow, "x", {}}, "type", "invalid_code"},
      {"yesterday", {"email", T("2026-11-22T09:00:00.000000Z"), "Sent.", {}}, "", ""},
      {"5 minutes ahead: clock skew, still now",
       {"email", T("2026-11-23T09:05:00.000000Z"), "Sent.", {}},
       "",
       ""},
      {"just over 5 minutes ahead: an appointment, not a contact",
       {"email", T("2026-11-23T09:05:00.000001Z"), "Sent.", {}},
       "at",
       "future_contact"},
      {"tomorrow",
       {"email", T("2026-11-24T09:00:00.000000Z"), "Sent.", {}},
       "at",
       "future_contact"},
      {"1 January 1990 is the earliest",
       {"letter", T("1990-01-01T00:00:00.000000Z"), "Old.", {}},
       "",
       ""},
      {"before 1990", {"letter", T("1989-12-31T23:59:59.999999Z"), "Old.", {}}, "at", "too_early"},
      {"empty note", {"phone_call", kNow, "", {}}, "note", "required"},
      {"blank note", {"phone_call", kNow, " \n\t ", {}}, "note", "required"},
      {"multiline note", {"phone_call", kNow, "Line one.\r\nLine two.\n\tIndented.", {}}, "", ""},
      {"a control character", {"phone_call", kNow, "Bell\x07", {}}, "note", "control_character"},
      {"20,000 characters", {"case_note", kNow, longest, {}}, "", ""},
      {"20,001 characters", {"case_note", kNow, longest + "b", {}}, "note", "too_long"},
      {"20,000 two-byte characters", {"case_note", kNow, accented, {}}, "", ""},
      {"20,001 two-byte characters",
       {"case_note", kNow, accented + "\xC3\xA9", {}},
       "note",
       "too_long"},
      {"a sentence is checked by the use case, not here", {"phone_call", kNow, "x", 42}, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto s = CheckNewContact(c.contact, kNow);
    EXPECT_EQ(FieldOf(s), c.field);
    EXPECT_EQ(CodeOf(s), c.code);
    if (!s) {
      EXPECT_EQ(s.error().kind, ErrorKind::kInvalid);
    }
  }
}

TEST(CheckAmendment, NeedsANoteAndAOneLineReason) {
  const struct {
    const char* why;
    std::string note, reason;
    std::string field;
  } cases[] = {
      {"both given", "Corrected text.\nSecond line.", "Wrong date in the note", ""},
      {"no note", "", "Typo", "note"},
      {"no reason", "Text", "", "reason"},
      {"blank reason", "Text", "   ", "reason"},
      {"a reason is one line", "Text", "first\nsecond", "reason"},
      {"reason of 500 characters", "Text", std::string(500, 'r'), ""},
      {"reason of 501 characters", "Text", std::string(501, 'r'), "reason"},
      {"note over the limit", std::string(kMaxNoteCharacters + 1, 'n'), "Typo", "note"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(FieldOf(CheckAmendment(c.note, c.reason)), c.field);
  }
}

TEST(AmendmentNote, NamesTheContactAndReasonThenTheText) {
  EXPECT_EQ(AmendmentNote(12, " Wrong date ", "Seen on Tuesday.\nAll well."),
            "Amendment to contact 12: Wrong date\n\nSeen on Tuesday.\nAll well.");
}

TEST(TimelineTypeLabel, UsesContactLabelsAndWordsForEventKinds) {
  EXPECT_EQ(TimelineTypeLabel("home_visit"), "Home visit");
  EXPECT_EQ(TimelineTypeLabel("person.registered"), "Person registered");
  EXPECT_EQ(TimelineTypeLabel("contact.amended"), "Contact amended");
  EXPECT_EQ(TimelineTypeLabel("keep_apart.linked"), "Keep apart linked");
}

TEST(CountCharacters, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("abc"), 3u);
  EXPECT_EQ(CountCharacters("\xC3\xA9t\xC3\xA9"), 3u);    // été
  EXPECT_EQ(CountCharacters("\xE2\x82\xAC"), 1u);         // €
  EXPECT_EQ(CountCharacters("\xF0\x9F\x98\x80 ok"), 4u);  // an emoji, a space, "ok"
}

TEST(TimelineCursor, RoundTripsAndIsUrlSafe) {
  const TimelineCursor cases[] = {
      {T("2026-11-23T09:15:02.123456Z"), 1},
      {T("1990-01-01T00:00:00.000000Z"), 999'999'999'999},
      {T("2026-11-23T09:15:02.000000Z"), 42},
  };
  for (const auto& c : cases) {
    const std::string text = EncodeCursor(c);
    SCOPED_TRACE(text);
    EXPECT_EQ(
        text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    auto back = DecodeCursor(text);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->at, c.at);
    EXPECT_EQ(back->id, c.id);
  }
}

TEST(TimelineCursor, GarbageOrTamperedCursorsDecodeToNothing) {
  const std::string good = EncodeCursor({T("2026-11-23T09:15:02.123456Z"), 77});
  std::string flipped = good;
  flipped[3] = flipped[3] == 'A' ? 'B' : 'A';  // now no longer "<instant>|<id>"
  const std::string cases[] = {
      "", "not a cursor", "!!!!",
      good + "=",  // padding is not part of the form
      good + "A",  // trailing bits
      good.substr(0, good.size() - 2), flipped, std::string(200, 'A'),  // too long
      // base64url of text EncodeCursor never writes:
      "aGVsbG8",                                     // "hello": no separator
      "fDE",                                         // "|1": no instant
      "MjAyNi0xMS0yM1QwOToxNTowMi4xMjM0NTZafDA",     // "<instant>|0"
      "MjAyNi0xMS0yM1QwOToxNTowMi4xMjM0NTZafC01",    // "<instant>|-5"
      "MjAyNi0xMS0yM1QwOToxNTowMi4xMjM0NTZafDEyeA",  // "<instant>|12x"
      "MjAyNi0xMS0yM1QwOToxNTowMi4xMjM0NTZafA",      // "<instant>|"
      "MjAyNi0xMS0yM3wxMg",                          // "2026-11-23|12": a date, not an instant
  };
  for (const auto& text : cases) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(DecodeCursor(text));
  }
}

TEST(ParseInstant, AcceptsIsoInstantsWithAZoneOnly) {
  const struct {
    const char* text;
    const char* want;  // FormatUtc, or nullptr when refused
  } cases[] = {
      {"2026-11-23T09:15:02.123456Z", "2026-11-23T09:15:02.123456Z"},
      {"2026-11-23T09:15:02Z", "2026-11-23T09:15:02.000000Z"},
      {"2026-11-23T09:15:02.5Z", "2026-11-23T09:15:02.500000Z"},
      {"2026-11-23T09:15:02.123Z", "2026-11-23T09:15:02.123000Z"},
      {"2026-06-23T10:15:02+01:00", "2026-06-23T09:15:02.000000Z"},
      {"2026-11-23T04:15:02-05:00", "2026-11-23T09:15:02.000000Z"},
      {"2026-11-23T00:30:00+01:00", "2026-11-22T23:30:00.000000Z"},
      {"2026-11-23T09:15:02", nullptr},  // no zone: whose 09:15?
      {"2026-11-23", nullptr},
      {"2026-11-23 09:15:02Z", nullptr},
      {"2026-11-23T24:00:00Z", nullptr},
      {"2026-11-23T09:60:00Z", nullptr},
      {"2026-02-30T09:00:00Z", nullptr},
      {"2026-11-23T09:15:02.1234567Z", nullptr},
      {"2026-11-23T09:15:02.Z", nullptr},
      {"2026-11-23T09:15:02+0100", nullptr},
      {"2026-11-23T09:15:02+25:00", nullptr},
      {"2026-11-23T09:15:02z", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto at = ParseInstant(c.text);
    if (c.want) {
      ASSERT_TRUE(at);
      EXPECT_EQ(FormatUtc(*at), c.want);
    } else {
      EXPECT_FALSE(at);
    }
  }
}

TEST(ParseTimelineBound, ADateMeansTheWholeUtcDay) {
  EXPECT_EQ(FormatUtc(*ParseTimelineBound("2026-11-23", Bound::kFrom, "from")),
            "2026-11-23T00:00:00.000000Z");
  EXPECT_EQ(FormatUtc(*ParseTimelineBound("2026-11-23", Bound::kTo, "to")),
            "2026-11-24T00:00:00.000000Z");
  EXPECT_EQ(FormatUtc(*ParseTimelineBound("2026-12-31", Bound::kTo, "to")),
            "2027-01-01T00:00:00.000000Z");
  EXPECT_EQ(FormatUtc(*ParseTimelineBound("2026-11-23T09:15:00Z", Bound::kTo, "to")),
            "2026-11-23T09:15:00.000000Z");
  auto bad = ParseTimelineBound("23/11/2026", Bound::kFrom, "from");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "from");
}

TEST(ParseTimelineFilter, ReadsTheQueryAndNamesTheParameterAtFault) {
  const std::string cursor = EncodeCursor({T("2026-11-23T09:15:02.123456Z"), 7});
  using Types = std::vector<std::string>;
  const struct {
    const char* why;
    TimelineFilter filter;
    std::string field;  // "" when accepted
  } cases[] = {
      {"nothing: every type, first page", {}, ""},
      {"repeated types", {Types{"phone_call", "home_visit"}, {}, {}, {}, {}}, ""},
      {"comma-separated types", {Types{"phone_call,person.registered"}, {}, {}, {}, {}}, ""},
      {"an unknown contact type", {Types{"phonecall"}, {}, {}, {}, {}}, "type"},
      {"an empty item", {Types{"phone_call,"}, {}, {}, {}, {}}, "type"},
      {"upper case", {Types{"Phone_Call"}, {}, {}, {}, {}}, "type"},
      {"SQL is just a bad type", {Types{"x' OR 1=1 --"}, {}, {}, {}, {}}, "type"},
      {"a date range", {{}, "2026-11-01", "2026-11-30", {}, {}}, ""},
      {"one day", {{}, "2026-11-23", "2026-11-23", {}, {}}, ""},
      {"to before from", {{}, "2026-11-23", "2026-11-22", {}, {}}, "to"},
      {"a bad from", {{}, "yesterday", {}, {}, {}}, "from"},
      {"a bad to", {{}, {}, "2026-13-01", {}, {}}, "to"},
      {"a cursor", {{}, {}, {}, cursor, {}}, ""},
      {"a garbage cursor", {{}, {}, {}, "garbage", {}}, "cursor"},
      {"limit 1", {{}, {}, {}, {}, "1"}, ""},
      {"limit 200", {{}, {}, {}, {}, "200"}, ""},
      {"limit 0", {{}, {}, {}, {}, "0"}, "limit"},
      {"limit 201", {{}, {}, {}, {}, "201"}, "limit"},
      {"limit -1", {{}, {}, {}, {}, "-1"}, "limit"},
      {"limit 1e2", {{}, {}, {}, {}, "1e2"}, "limit"},
      {"limit huge", {{}, {}, {}, {}, "99999999999999999999"}, "limit"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto q = ParseTimelineFilter(c.filter);
    EXPECT_EQ(q ? "" : q.error().field, c.field);
  }
}

TEST(ParseTimelineFilter, RepeatedTypesCountOnceAndLimitDefaultsTo50) {
  auto q = ParseTimelineFilter({{"phone_call,home_visit", "phone_call"}, {}, {}, {}, {}});
  ASSERT_TRUE(q);
  EXPECT_EQ(q->types, (std::vector<std::string>{"phone_call", "home_visit"}));
  EXPECT_EQ(q->limit, 50);
  EXPECT_FALSE(q->after);
  std::vector<std::string> many;
  for (const auto& t : {"a.b", "a.c", "a.d", "a.e", "a.f", "a.g", "a.h", "a.i", "a.j", "a.k", "b.b",
                        "b.c", "b.d", "b.e", "b.f", "b.g", "b.h", "b.i", "b.j", "b.k", "c.b", "c.c",
                        "c.d", "c.e", "c.f", "c.g", "c.h", "c.i", "c.j", "c.k", "d.a"})
    many.emplace_back(t);
  auto too_many = ParseTimelineFilter({many, {}, {}, {}, {}});
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().code, "too_many_types");
}

}  // namespace
}  // namespace probity::cases
