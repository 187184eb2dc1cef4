// The appointment pages over HTTP with the application's own router, on both backends: booking
// (errors in the GOV.UK summary keeping what was typed, a time the clocks skip refused beside the
// time), the list with first appointments and rearrangements, recording an outcome (one screen
// from the person's overview) and amending it with the history kept, rearranging with both
// appointments linked, a change on a stale form refused with what changed, the diary by day and
// week, and another team's practitioner finding no page at all. The clock is fixed: Monday
// 23 November 2026, 09:00 GMT.
#include <gtest/gtest.h>

#include "core/uk_time.h"
#include "page_client.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;
using testing::Form;

constexpr auto npos = std::string::npos;
const std::string kPerson = "/people/X123456";
const std::string kAppointments = kPerson + "/appointments";

class AppointmentPagesTest : public testing::PageTest {
 protected:
  void SetUp() override {
    PageTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddCase("X123456", "Sam", "Fielding");
    if (HasFatalFailure()) return;
    const auto sentence = As("demo.po1", "POST", "/api/v1/people/X123456/sentences",
                             {{"kind", "community_order"},
                              {"court", "Newcastle Magistrates' Court"},
                              {"offence", "Theft from a shop"},
                              {"offence_group", "theft_non_motor"},
                              {"sentence_date", "2026-11-20"},
                              {"length_months", 12}});
    ASSERT_EQ(sentence.status, 201) << sentence.body;
    sentence_id_ = sentence.Json()["id"].get<int64_t>();
    std::tie(cookie_, csrf_) = SignIn("demo.po1");
  }

  // Books through the API, as demo.po1, at Wallsend; returns the appointment's id.
  int64_t Book(const std::string& uk_time, json extra = json::object()) {
    json body = {{"type", "supervision"},
                 {"starts_at", uk_time},
                 {"duration_minutes", 60},
                 {"office", "NE-WALL"}};
    body.update(extra);
    const auto r = As("demo.po1", "POST", "/api/v1/people/X123456/appointments", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }

  void Record(int64_t id, int version, const json& outcome) {
    json body = outcome;
    body["version"] = version;
    const auto r = As("demo.po1", "POST", Url(id, "/outcome").insert(0, "/api/v1"), body);
    EXPECT_EQ(r.status, 200) << r.body;
  }

  // Moves the clock, and signs in again so that the session is fresh at the new time.
  void At(const char* utc) {
    clock_.Set(*ParseUtc(utc));
    std::tie(cookie_, csrf_) = SignIn("demo.po1");
  }

  static std::string Url(int64_t id, const std::string& rest = "") {
    return kAppointments + "/" + std::to_string(id) + rest;
  }

  ClientResponse Post(const std::string& target, const std::string& body) {
    return PostForm(target, body, {{"Cookie", cookie_}});
  }

  // Posts the booking form: a supervision appointment at Wallsend on Tuesday 24 November 2026 at
  // 10:00 for an hour, with `changes` over those fields ("" empties one).
  ClientResponse PostBooking(const std::map<std::string, std::string>& changes,
                             const std::string& cookie = "", const std::string& csrf = "") {
    std::map<std::string, std::string> fields = {{"csrf_token", csrf.empty() ? csrf_ : csrf},
                                                 {"type", "supervision"},
                                                 {"date", "2026-11-24"},
                                                 {"time", "10:00"},
                                                 {"duration_minutes", "60"},
                                                 {"place", "office"},
                                                 {"office", "NE-WALL"}};
    for (const auto& [name, value] : changes) fields[name] = value;
    return PostForm(kAppointments + "/new", testing::EncodeForm(fields),
                    {{"Cookie", cookie.empty() ? cookie_ : cookie}});
  }

  ClientResponse Get(const std::string& target) { return PageTest::Get(target, cookie_); }
  using PageTest::Get;

  int64_t sentence_id_ = 0;
  std::string cookie_, csrf_;
};

bool Has(const ClientResponse& r, const std::string& text) { return r.body.find(text) != npos; }

// Each of `texts` is in the page.
void ExpectIn(const ClientResponse& r, std::initializer_list<std::string> texts) {
  for (const auto& text : texts) EXPECT_TRUE(Has(r, text)) << text;
}

TEST_P(AppointmentPagesTest, TheBookingFormKeepsWhatWasTypedOnAnErrorThenBooks) {
  const auto form = Get(kAppointments + "/new");
  ASSERT_EQ(form.status, 200) << form.body;
  ExpectIn(form, {"<option value=\"supervision\">Supervision appointment</option>",
                  "<option value=\"NE-WALL\">Wallsend Probation Office</option>",
                  "<optgroup label=\"Wallsend Probation Office\">",
                  "Theft from a shop (sentenced 20 November 2026)",
                  "id=\"place\" name=\"place\" type=\"radio\" value=\"office\" checked"});
  const std::string sentence = std::to_string(sentence_id_);
  const int64_t before = Events();

  const auto missing_time = PostBooking({{"time", ""}, {"sentence_id", sentence}});
  EXPECT_EQ(missing_time.status, 400);
  ExpectIn(
      missing_time,
      {"<title>Error: Book an appointment for Sam Fielding - Probity",
       "class=\"govuk-error-summary\"", "<a href=\"#time\">Enter the time of the appointment</a>",
       "<p id=\"time-error\" class=\"govuk-error-message\">",
       "<option value=\"supervision\" selected>", "value=\"2026-11-24\"", "value=\"60\"",
       "<option value=\"NE-WALL\" selected>", "<option value=\"" + sentence + "\" selected>"});

  // Somewhere else needs its location; a time gone by is the rules' refusal, beside the date.
  const auto elsewhere = PostBooking({{"type", "home_visit"}, {"place", "elsewhere"}});
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_TRUE(Has(elsewhere, "href=\"#location\""));
  EXPECT_TRUE(Has(elsewhere,
                  "id=\"place-elsewhere\" name=\"place\" type=\"radio\" "
                  "value=\"elsewhere\" checked"));
  const auto past = PostBooking({{"date", "2026-11-22"}});
  EXPECT_EQ(past.status, 400);
  EXPECT_TRUE(Has(past, "<a href=\"#date\">Enter a date and time still to come"));
  EXPECT_EQ(Events(), before) << "a refused form writes nothing";

  const auto booked = PostBooking({{"sentence_id", sentence}});
  ASSERT_EQ(booked.status, 303) << booked.body;
  const std::string location = booked.Header("Location");
  EXPECT_TRUE(location.starts_with(kAppointments + "?booked=")) << location;
  const auto list = Get(location);
  ASSERT_EQ(list.status, 200);
  ExpectIn(list,
           {"id=\"appointment-booked\"", "Supervision appointment on 24 November 2026 at 10am",
            "Wallsend Probation Office"});

  const auto api = As("demo.po1", "GET", "/api/v1/people/X123456/appointments").Json();
  ASSERT_EQ(api["items"].size(), 1u);
  EXPECT_EQ(api["items"][0]["starts_at"], "2026-11-24T10:00:00.000000Z");  // GMT in November
  EXPECT_EQ(api["items"][0]["sentence_id"], sentence_id_);
  EXPECT_EQ(api["items"][0]["with"]["name"], "Priya Okafor");
}

TEST_P(AppointmentPagesTest, ATimeTheClocksSkipIsRefusedBesideTheTimeWithWhy) {
  // A home visit in the small hours: offices are closed then.
  const auto book = [&](const char* time) {
    return PostBooking({{"date", "2027-03-28"},
                        {"time", time},
                        {"duration_minutes", "30"},
                        {"type", "home_visit"},
                        {"place", "elsewhere"},
                        {"location", "Home visit"}});
  };
  const int64_t before = Events();
  const auto skipped = book("01:30");
  EXPECT_EQ(skipped.status, 400);
  const auto why = ParseUkLocalTime("2027-03-28T01:30", "time");
  ASSERT_FALSE(why);
  EXPECT_EQ(why.error().code, "nonexistent_time");
  EXPECT_TRUE(Has(skipped, "<a href=\"#time\">" + why.error().message + "</a>")) << skipped.body;
  EXPECT_TRUE(Has(skipped, "<span class=\"govuk-visually-hidden\">Error:</span> " +
                               why.error().message + "</p>"));
  EXPECT_TRUE(Has(skipped, "value=\"01:30\""));
  EXPECT_EQ(Events(), before);

  // An hour later is British Summer Time: 02:30 BST is 01:30 UTC.
  ASSERT_EQ(book("02:30").status, 303);
  const auto api = As("demo.po1", "GET", "/api/v1/people/X123456/appointments").Json();
  ASSERT_EQ(api["items"].size(), 1u);
  EXPECT_EQ(api["items"][0]["starts_at"], "2027-03-28T01:30:00.000000Z");
}

TEST_P(AppointmentPagesTest, TheListShowsWhatIsToComeThenWhatIsPastAndTheFirstAppointment) {
  const auto due_by = As("demo.po1", "GET", "/api/v1/people/X123456/appointments")
                          .Json()["first_appointments"][0]["due_by"]
                          .get<std::string>();
  const auto before = Get(kAppointments);
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(Has(before, "id=\"no-upcoming\""));
  EXPECT_TRUE(Has(before, "aria-current=\"page\" href=\"/people/X123456/appointments\">"))
      << "the Appointments tab is the current one";
  EXPECT_TRUE(Has(before, "Tier:")) << "Sam's order tiers the case: the header shows it";
  EXPECT_TRUE(Has(before, "govuk-tag--blue\">Due</strong> due by " + LongDate(due_by)));

  const int64_t earlier = Book("2026-11-23T10:00", {{"sentence_id", sentence_id_}});
  const int64_t later = Book("2026-11-30T10:00");
  At("2026-11-23T11:00:00.000000Z");
  Record(earlier, 1, {{"outcome", "attended_complied"}});
  const auto list = Get(kAppointments);
  ASSERT_EQ(list.status, 200);
  const auto to_come = list.body.find("id=\"upcoming\""), past = list.body.find("id=\"past\"");
  const auto later_row = list.body.find("id=\"appointment-" + std::to_string(later) + "\"");
  const auto earlier_row = list.body.find("id=\"appointment-" + std::to_string(earlier) + "\"");
  ASSERT_NE(to_come, npos);
  ASSERT_NE(past, npos);
  EXPECT_LT(to_come, later_row);
  EXPECT_LT(later_row, past);
  EXPECT_LT(past, earlier_row);
  EXPECT_NE(earlier_row, npos);
  ExpectIn(list, {"govuk-tag--green\">Attended and complied</strong>",
                  "govuk-tag--green\">Met</strong> due by " + LongDate(due_by),
                  "attended on 23 November 2026"});
  EXPECT_FALSE(Has(list, "Record outcome"));
}

TEST_P(AppointmentPagesTest, AnOutcomeWithoutItsJudgementIsRefusedThenRecorded) {
  const int64_t id = Book("2026-11-23T10:00");
  // Before it starts there is nothing to record, and the form says why.
  const auto early =
      Post(Url(id, "/outcome"),
           Form({{"csrf_token", csrf_}, {"version", "1"}, {"outcome", "attended_complied"}}));
  EXPECT_EQ(early.status, 400);
  EXPECT_TRUE(Has(early, "This appointment has not started yet"));

  At("2026-11-23T10:30:00.000000Z");
  // Recording is one screen from the person's overview, and from the list.
  const std::string record_link = "href=\"" + Url(id, "/outcome") + "\"";
  EXPECT_TRUE(Has(Get(kPerson), record_link));
  EXPECT_TRUE(Has(Get(kAppointments), record_link));
  const auto form = Get(Url(id, "/outcome"));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "name=\"version\" value=\"1\""));
  EXPECT_TRUE(Has(form, "id=\"appointment-summary\""));

  const int64_t before = Events();
  const auto no_judgement = Post(Url(id, "/outcome"), Form({{"csrf_token", csrf_},
                                                            {"version", "1"},
                                                            {"outcome", "failed_to_attend"},
                                                            {"note", "No answer on the phone."}}));
  EXPECT_EQ(no_judgement.status, 400);
  EXPECT_TRUE(Has(no_judgement,
                  "<a href=\"#judgement\">Select whether the absence was acceptable "
                  "or unacceptable</a>"));
  EXPECT_TRUE(Has(no_judgement, "value=\"failed_to_attend\" checked"));
  EXPECT_TRUE(Has(no_judgement, ">No answer on the phone.</textarea>"));
  EXPECT_EQ(Events(), before);

  const std::string done = Form({{"csrf_token", csrf_},
                                 {"version", "1"},
                                 {"outcome", "failed_to_attend"},
                                 {"judgement", "unacceptable"},
                                 {"note", "No answer on the phone."}});

  const auto recorded = Post(Url(id, "/outcome"), done);
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(recorded.Header("Location"), Url(id, "?recorded=1"));
  const auto page = Get(recorded.Header("Location"));
  ExpectIn(page,
           {"Outcome recorded.", "govuk-tag--red\">Failed to attend</strong> Judged unacceptable",
            "No answer on the phone.", "href=\"" + Url(id, "/amend") + "\""});
  EXPECT_FALSE(Has(page, record_link));
  EXPECT_FALSE(Has(Get(kPerson), record_link));

  // The same form sent again is stale: refused with what changed, showing the appointment now.
  const auto again = Post(Url(id, "/outcome"), done);
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Has(again, "<a href=\"#appointment-summary\">Appointment " + std::to_string(id) +
                             " was changed by someone else"));
  EXPECT_TRUE(Has(again, "name=\"version\" value=\"2\""));
  EXPECT_TRUE(Has(again, "govuk-tag--red\">Failed to attend</strong>"));
}

TEST_P(AppointmentPagesTest, AnAmendmentWithoutAReasonIsRefusedThenKeptBesideTheOriginal) {
  const int64_t id = Book("2026-11-23T10:00");
  At("2026-11-23T10:30:00.000000Z");
  Record(
      id, 1,
      {{"outcome", "failed_to_attend"}, {"judgement", "unacceptable"}, {"note", "Did not come."}});
  const auto form = Get(Url(id, "/amend"));
  ASSERT_EQ(form.status, 200);
  ExpectIn(form, {"name=\"version\" value=\"2\"", "value=\"failed_to_attend\" checked",
                  "value=\"unacceptable\" checked", ">Did not come.</textarea>"});

  const int64_t before = Events();
  std::map<std::string, std::string> amendment = {{"csrf_token", csrf_},
                                                  {"version", "2"},
                                                  {"outcome", "failed_to_attend"},
                                                  {"judgement", "acceptable"},
                                                  {"judgement_reason", "illness"},
                                                  {"note", "In hospital."},
                                                  {"reason", " "},
                                                  {"instructed_by", "demo.spo1"}};
  const auto no_reason = Post(Url(id, "/amend"), testing::EncodeForm(amendment));
  EXPECT_EQ(no_reason.status, 400);
  ExpectIn(no_reason, {"<a href=\"#reason\">Enter why the outcome is being amended</a>",
                       "<option value=\"illness\" selected>", "value=\"demo.spo1\""});
  EXPECT_EQ(Events(), before);

  amendment["reason"] = "Hospital letter received";
  const auto amended = Post(Url(id, "/amend"), testing::EncodeForm(amendment));
  ASSERT_EQ(amended.status, 303) << amended.body;
  EXPECT_EQ(amended.Header("Location"), Url(id, "?amended=1"));
  const auto page = Get(amended.Header("Location"));
  const auto first = page.body.find("Outcome recorded</h3>");
  const auto second = page.body.find(
      "Amendment 1 <strong class=\"govuk-tag govuk-tag--green\">"
      "Current</strong></h3>");
  ASSERT_NE(first, npos) << page.body;
  ASSERT_NE(second, npos);
  EXPECT_LT(first, second);
  EXPECT_LT(first, page.body.find("Judged unacceptable", first));
  EXPECT_LT(second, page.body.find("Judged acceptable: Illness or injury", second));
  EXPECT_TRUE(Has(page, "Did not come."));
  EXPECT_TRUE(Has(page, "Hospital letter received"));
  EXPECT_TRUE(Has(page,
                  "On whose instruction</dt><dd class=\"govuk-summary-list__value\">"
                  "Sandra Price"));
  EXPECT_TRUE(Has(page, "Priya Okafor, <time"));
}

TEST_P(AppointmentPagesTest, RearrangingKeepsTheOriginalLinkedToItsReplacement) {
  const int64_t id = Book("2026-11-25T10:00");
  const auto form = Get(Url(id, "/rearrange"));
  ASSERT_EQ(form.status, 200);
  ExpectIn(form, {"value=\"2026-11-25\"", "value=\"10:00\"", "name=\"version\" value=\"1\"",
                  "id=\"place\" name=\"place\" type=\"radio\" value=\"same\" checked"});

  std::map<std::string, std::string> fields = {{"csrf_token", csrf_},      {"version", "1"},
                                               {"date", "2026-11-26"},     {"time", "14:00"},
                                               {"duration_minutes", "45"}, {"place", "same"}};
  const auto refused = Post(Url(id, "/rearrange"), testing::EncodeForm(fields));
  EXPECT_EQ(refused.status, 400);
  ExpectIn(refused, {"href=\"#requested_by\"", "href=\"#reason\"", "value=\"2026-11-26\""});

  fields.merge(std::map<std::string, std::string>{{"requested_by", "person"},
                                                  {"reason", "Job interview"},
                                                  {"location", "12 Hadrian Road, Wallsend"}});
  fields["place"] = "elsewhere";
  const std::string move = testing::EncodeForm(fields);
  const auto moved = Post(Url(id, "/rearrange"), move);
  ASSERT_EQ(moved.status, 303) << moved.body;
  const std::string location = moved.Header("Location");
  ASSERT_TRUE(location.starts_with(kAppointments + "/")) << location;
  ASSERT_TRUE(location.ends_with("?rearranged=1")) << location;
  const auto replacement = Get(location);
  ExpectIn(replacement,
           {"id=\"appointment-changed\"", "26 November 2026 at 2pm</time> (45 minutes)",
            "12 Hadrian Road, Wallsend", "href=\"" + Url(id) + "\" id=\"rearranged-from\""});

  const auto original = Get(Url(id));
  EXPECT_TRUE(Has(original, "govuk-tag--grey\">Rearranged</strong>"));
  EXPECT_TRUE(Has(original,
                  "href=\"" + location.substr(0, location.find('?')) + "\" id=\"rearranged-to\""));
  EXPECT_TRUE(Has(original, "The person on probation"));
  EXPECT_TRUE(Has(original, "Job interview"));
  EXPECT_FALSE(Has(original, Url(id, "/rearrange"))) << "it can be moved only once";

  const auto list = Get(kAppointments);
  ExpectIn(list, {"At the person's request</dt><dd class=\"govuk-summary-list__value\">1",
                  "At the service's request</dt><dd class=\"govuk-summary-list__value\">0",
                  "See the new appointment"});

  // The form sent again names version 1, which is gone.
  const auto stale = Post(Url(id, "/rearrange"), move);
  EXPECT_EQ(stale.status, 409);
  EXPECT_TRUE(Has(stale, "was changed by someone else"));
  EXPECT_TRUE(Has(stale, "value=\"Job interview\"")) << "what was typed is kept";
}

TEST_P(AppointmentPagesTest, TheDiaryShowsMyBookingsByDayAndByWeek) {
  Book("2026-11-24T10:00");  // a Tuesday
  const auto home = Get("/caseload");
  EXPECT_TRUE(Has(home, "href=\"/diary\">My diary</a>"));

  const auto day = Get("/diary?from=2026-11-24");
  ASSERT_EQ(day.status, 200) << day.body;
  ExpectIn(day,
           {"<h1 class=\"govuk-heading-l\">Tuesday 24 November 2026</h1>",
            "<a class=\"govuk-link\" href=\"/people/X123456\">Sam Fielding</a>", "X123456",
            ">10am</time>", "Supervision appointment", "Wallsend Probation Office",
            "govuk-tag--blue\">Upcoming</strong>", "href=\"/diary?from=2026-11-23\" rel=\"prev\"",
            "href=\"/diary?from=2026-11-25\" rel=\"next\""});

  const auto today = Get("/diary");  // Monday 23 November
  EXPECT_TRUE(Has(today, "Monday 23 November 2026</h1>"));
  EXPECT_FALSE(Has(today, "Sam Fielding"));

  const auto week = Get("/diary?from=2026-11-26&view=week");
  ASSERT_EQ(week.status, 200);
  ExpectIn(week, {"Week beginning Monday 23 November 2026</h1>", "Tuesday 24 November 2026</h2>",
                  "Sam Fielding", "href=\"/diary?from=2026-11-16&amp;view=week\" rel=\"prev\""});

  EXPECT_FALSE(
      Has(PageTest::Get("/diary?from=2026-11-24", SignIn("demo.spo1").first), "Sam Fielding"))
      << "another's diary";
  const auto wrong = Get("/diary?from=2026-02-30");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(Has(wrong, "<a href=\"#from\">"));
  EXPECT_TRUE(Has(wrong, "value=\"2026-02-30\""));
}

TEST_P(AppointmentPagesTest, AnotherTeamsPractitionerFindsNoPage) {
  const int64_t id = Book("2026-11-24T10:00");
  const auto [cookie, csrf] = SignIn("demo.po2");  // Durham, not North Tyneside
  for (const std::string& path : {kAppointments, kAppointments + "/new", Url(id),
                                  Url(id, "/rearrange"), Url(id, "/outcome"), Url(id, "/amend")}) {
    const auto r = PageTest::Get(path, cookie);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_TRUE(Has(r, "Page not found")) << path;
    EXPECT_FALSE(Has(r, "Fielding")) << path;
  }
  const int64_t before = Events();
  const auto booked = PostBooking({{"date", "2026-11-25"}}, cookie, csrf);
  EXPECT_EQ(booked.status, 404);
  const auto moved = PostForm(Url(id, "/rearrange"),
                              Form({{"csrf_token", csrf},
                                    {"version", "1"},
                                    {"requested_by", "service"},
                                    {"reason", "Leave"},
                                    {"date", "2026-11-25"},
                                    {"time", "10:00"},
                                    {"duration_minutes", "60"},
                                    {"place", "same"}}),
                              {{"Cookie", cookie}});
  EXPECT_EQ(moved.status, 404);
  EXPECT_EQ(Events(), before);
}

TEST_P(AppointmentPagesTest, FormsWithoutTheirTokenAndUnknownAppointmentsAreRefused) {
  const int64_t before = Events();
  const auto forged = PostBooking({{"csrf_token", ""}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(Events(), before);
  for (const char* path : {"/999999", "/0", "/abc", "/999999/outcome"})
    EXPECT_EQ(Get(kAppointments + path).status, 404) << path;
}

PROBITY_ON_BOTH_BACKENDS(AppointmentPagesTest);

}  // namespace
}  // namespace probity
