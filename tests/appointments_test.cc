// Appointments over HTTP on both backends: booking in UK time, rearranging with the original
// kept, outcomes that wait for the appointment, absence judgements, amendments that never
// overwrite, first appointments measured on attendance, the diary, rooms; and bad input refused
// with a clear message, writing nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app_server.h"
#include "store/event_log.h"

namespace probity {
namespace {

using nlohmann::json;
using testing::ClientResponse;

constexpr const char* kCrn = "X200001";
constexpr const char* kBase = "/api/v1/people/X200001/appointments";

class AppointmentsTest : public testing::AppServerTest {
 protected:
  void SetUp() override {
    AppServerTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AddDale(kCrn);
    if (HasFatalFailure()) return;
    // Sentenced on Monday 23 November 2026, today: first appointment due Monday 30th.
    const auto sentence =
        As("demo.po1", "POST", std::string("/api/v1/people/") + kCrn + "/sentences",
           {{"kind", "community_order"},
            {"court", "Newcastle Magistrates' Court"},
            {"offence", "Theft from a shop"},
            {"offence_group", "theft_non_motor"},
            {"sentence_date", "2026-11-23"},
            {"length_months", 12}});
    ASSERT_EQ(sentence.status, 201) << sentence.body;
    sentence_id_ = json::parse(sentence.body)["id"];
  }

  json Booking(const std::string& starts_at = "2026-11-24T10:00") {
    return {{"type", "supervision"},
            {"starts_at", starts_at},
            {"duration_minutes", 45},
            {"office", "NE-WALL"},
            {"sentence_id", sentence_id_}};
  }

  json Book(const json& booking) {
    const auto r = As("demo.po1", "POST", kBase, booking);
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body);
  }

  std::string At(int64_t id, const std::string& rest = "") {
    return std::string(kBase) + "/" + std::to_string(id) + rest;
  }

  size_t EventCount() {
    auto tx = db_->BeginRead();
    return store::EventsForSubject(tx, kCrn).size();
  }

  std::vector<store::EventRow> EventsOfKind(const std::string& kind) {
    auto tx = db_->BeginRead();
    std::vector<store::EventRow> out;
    for (auto& e : store::EventsForSubject(tx, kCrn))
      if (e.kind == kind) out.push_back(e);
    return out;
  }

  size_t AppointmentCount() {
    const auto r = As("demo.po1", "GET", kBase);
    return json::parse(r.body)["items"].size();
  }

  // Refused with `status`, naming `field`, and nothing written.
  void ExpectRefused(const ClientResponse& r, int status, const std::string& code,
                     const std::string& field, size_t events_before) {
    EXPECT_EQ(r.status, status) << r.body;
    const auto body = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << r.body;
    EXPECT_EQ(body["error"]["code"], code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(body["error"]["field"], field) << r.body;
    }
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(EventCount(), events_before);
  }

  int64_t sentence_id_ = 0;
};

TEST_P(AppointmentsTest, BooksInUkTimeWithThePlaceAndWhomItIsWith) {
  const auto a = Book(Booking("2026-11-24T10:00"));
  EXPECT_EQ(a["starts_at"], "2026-11-24T10:00:00.000000Z");
  EXPECT_EQ(a["starts_at_uk"], "2026-11-24T10:00+00:00");
  EXPECT_EQ(a["ends_at"], "2026-11-24T10:45:00.000000Z");
  EXPECT_EQ(a["place"]["office"], "NE-WALL");
  EXPECT_EQ(a["with"]["name"], "Priya Okafor");
  EXPECT_EQ(a["enforceable"], true);
  EXPECT_EQ(a["state"], "upcoming");
  EXPECT_EQ(a["version"], 1);
  // Summer time: 10:00 in July is 09:00 UTC.
  const auto summer = Book(Booking("2027-07-01T10:00"));
  EXPECT_EQ(summer["starts_at"], "2027-07-01T09:00:00.000000Z");
  EXPECT_EQ(summer["starts_at_uk"], "2027-07-01T10:00+01:00");

  const auto booked = EventsOfKind("appointment.booked");
  ASSERT_EQ(booked.size(), 2u);
  const auto payload = json::parse(booked[0].payload);
  EXPECT_EQ(payload["id"], a["id"]);
  EXPECT_EQ(payload["starts_at"], "2026-11-24T10:00:00.000000Z");
  EXPECT_EQ(payload["sentence_id"], sentence_id_);

  const auto timeline =
      json::parse(As("demo.po1", "GET", std::string("/api/v1/people/") + kCrn + "/timeline").body);
  EXPECT_NE(timeline.dump().find("Appointment booked: Supervision appointment on 24 November "
                                 "2026 at 10am, Wallsend Probation Office"),
            std::string::npos)
      << timeline.dump();
}

TEST_P(AppointmentsTest, ARoomAndAnotherLocationAndSomeoneElseCanBeChosen) {
  const auto rooms = json::parse(As("demo.po1", "GET", "/api/v1/offices/NE-WALL/rooms").body);
  ASSERT_EQ(rooms["items"].size(), 8u);  // the demo's six interview rooms, group room, booth
  const int64_t room = rooms["items"][1]["id"];
  auto booking = Booking();
  booking["room_id"] = room;
  booking["with_username"] = "demo.spo1";
  const auto a = Book(booking);
  EXPECT_EQ(a["place"]["room_id"], room);
  EXPECT_EQ(a["place"]["room_name"], rooms["items"][1]["name"]);
  EXPECT_EQ(a["with"]["name"], "Sandra Price");

  auto home = Booking();
  home.erase("office");
  home["type"] = "home_visit";
  home["location"] = "Home address: 4 Quay Road, Wallsend";
  const auto visit = Book(home);
  EXPECT_EQ(visit["place"]["office"], nullptr);
  EXPECT_EQ(visit["place"]["location"], "Home address: 4 Quay Road, Wallsend");
}

TEST_P(AppointmentsTest, BadBookingsAreRefusedWithAMessageAndWriteNothing) {
  const auto before = EventCount();
  // The clocks go forward at 01:00 on 28 March 2027: 01:30 never happens.
  ExpectRefused(As("demo.po1", "POST", kBase, Booking("2027-03-28T01:30")), 400, "nonexistent_time",
                "starts_at", before);
  ExpectRefused(As("demo.po1", "POST", kBase, Booking("2027-10-31T01:30")), 400, "ambiguous_time",
                "starts_at", before);
  ExpectRefused(As("demo.po1", "POST", kBase, Booking("24/11/2026 10am")), 400, "invalid_time",
                "starts_at", before);
  ExpectRefused(As("demo.po1", "POST", kBase, Booking("2026-11-20T10:00")), 400, "past_time",
                "starts_at", before);
  auto both = Booking();
  both["location"] = "Library";
  ExpectRefused(As("demo.po1", "POST", kBase, both), 400, "conflicting_fields", "location", before);
  auto office = Booking();
  office["office"] = "NOWHERE";
  ExpectRefused(As("demo.po1", "POST", kBase, office), 400, "unknown_office", "office", before);
  auto room = Booking();
  room["room_id"] = 999999;
  ExpectRefused(As("demo.po1", "POST", kBase, room), 400, "unknown_room", "room_id", before);
  auto type = Booking();
  type["type"] = "tea";
  ExpectRefused(As("demo.po1", "POST", kBase, type), 400, "unknown_type", "type", before);
  auto misspelt = Booking();
  misspelt["duration"] = 30;
  ExpectRefused(As("demo.po1", "POST", kBase, misspelt), 400, "unknown_field", "duration", before);
  auto sentence = Booking();
  sentence["sentence_id"] = 999999;
  ExpectRefused(As("demo.po1", "POST", kBase, sentence), 400, "unknown_sentence", "sentence_id",
                before);
  auto with = Booking();
  with["with_username"] = "nobody";
  ExpectRefused(As("demo.po1", "POST", kBase, with), 400, "unknown_user", "with_username", before);
  EXPECT_EQ(AppointmentCount(), 0u);
}

TEST_P(AppointmentsTest, AnOutcomeWaitsUntilTheAppointmentHasStarted) {
  const auto a = Book(Booking());
  const auto before = EventCount();
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome"),
                   {{"version", 1}, {"outcome", "attended_complied"}}),
                400, "future_appointment", "outcome", before);
  clock_.Set(*ParseUtc("2026-11-24T10:50:00.000000Z"));
  const auto r = As("demo.po1", "POST", At(a["id"], "/outcome"),
                    {{"version", 1}, {"outcome", "attended_complied"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto recorded = json::parse(r.body);
  EXPECT_EQ(recorded["state"], "outcome_recorded");
  EXPECT_EQ(recorded["outcome"]["outcome"], "attended_complied");
  EXPECT_EQ(recorded["outcome"]["recorded_by_name"], "Priya Okafor");
  EXPECT_EQ(recorded["version"], 2);
  // Recording it again is refused: a correction is an amendment.
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome"),
                   {{"version", 2},
                    {"outcome", "failed_to_attend"},
                    {"judgement", "unacceptable"},
                    {"note", "x"}}),
                409, "outcome_recorded", "", EventCount());
}

TEST_P(AppointmentsTest, AFailureNeedsAJudgementAndTheJudgementIsRecordedWithWhoAndWhen) {
  const auto a = Book(Booking());
  clock_.Set(*ParseUtc("2026-11-24T11:00:00.000000Z"));
  const auto before = EventCount();
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome"),
                   {{"version", 1}, {"outcome", "failed_to_attend"}, {"note", "No contact"}}),
                400, "missing_field", "judgement", before);
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome"),
                   {{"version", 1},
                    {"outcome", "failed_to_attend"},
                    {"judgement", "acceptable"},
                    {"note", "Said he was ill"}}),
                400, "missing_field", "judgement_reason", before);
  const auto r = As("demo.po1", "POST", At(a["id"], "/outcome"),
                    {{"version", 1},
                     {"outcome", "failed_to_attend"},
                     {"judgement", "unacceptable"},
                     {"note", "No contact and no explanation"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto out = json::parse(r.body)["outcome"];
  EXPECT_EQ(out["judgement"], "unacceptable");
  EXPECT_EQ(out["recorded_at"], "2026-11-24T11:00:00.000000Z");
  const auto events = EventsOfKind("appointment.outcome_recorded");
  ASSERT_EQ(events.size(), 1u);
  const auto payload = json::parse(events[0].payload);
  EXPECT_EQ(payload["judgement"], "unacceptable");
  EXPECT_EQ(payload["enforceable"], true);
  EXPECT_EQ(payload["starts_at"], "2026-11-24T10:00:00.000000Z");
  EXPECT_EQ(payload["sentence_id"], sentence_id_);
}

TEST_P(AppointmentsTest, AnAmendmentKeepsTheOriginalAndSaysWhyAndOnWhoseInstruction) {
  const auto a = Book(Booking());
  clock_.Set(*ParseUtc("2026-11-24T11:00:00.000000Z"));
  ASSERT_EQ(As("demo.po1", "POST", At(a["id"], "/outcome"),
               {{"version", 1},
                {"outcome", "failed_to_attend"},
                {"judgement", "unacceptable"},
                {"note", "No contact"}})
                .status,
            200);
  clock_.Set(*ParseUtc("2026-11-26T09:00:00.000000Z"));
  const json amendment = {{"version", 2},
                          {"outcome", "failed_to_attend"},
                          {"judgement", "acceptable"},
                          {"judgement_reason", "illness"},
                          {"note", "GP letter dated 24 November"},
                          {"instructed_by", "demo.spo1"}};
  const auto before = EventCount();
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome/amendments"), amendment), 400,
                "missing_field", "reason", before);
  auto unchanged = amendment;
  unchanged.update({{"judgement", "unacceptable"}, {"note", "No contact"}, {"reason", "x"}});
  unchanged.erase("judgement_reason");
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome/amendments"), unchanged), 400,
                "no_change", "outcome", before);
  auto self = amendment;
  self.update({{"reason", "x"}, {"instructed_by", "demo.po1"}});
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome/amendments"), self), 400,
                "self_instructed", "instructed_by", before);

  auto with_reason = amendment;
  with_reason["reason"] = "Medical evidence received after the appointment";
  const auto r = As("demo.po1", "POST", At(a["id"], "/outcome/amendments"), with_reason);
  ASSERT_EQ(r.status, 200) << r.body;
  const auto amended = json::parse(r.body);
  EXPECT_EQ(amended["amended"], true);
  EXPECT_EQ(amended["outcome"]["judgement"], "acceptable");
  EXPECT_EQ(amended["outcome"]["instructed_by_name"], "Sandra Price");
  ASSERT_EQ(amended["outcome_history"].size(), 2u);
  EXPECT_EQ(amended["outcome_history"][0]["judgement"], "unacceptable");
  EXPECT_EQ(amended["outcome_history"][0]["note"], "No contact");
  EXPECT_EQ(amended["outcome_history"][1]["amendment_reason"],
            "Medical evidence received after the appointment");

  const auto events = EventsOfKind("appointment.outcome_amended");
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].instructed_by);
  EXPECT_EQ(*events[0].instructed_by, amended["outcome"]["instructed_by"].get<std::string>());
  EXPECT_NE(*events[0].instructed_by, events[0].actor);
  const auto payload = json::parse(events[0].payload);
  EXPECT_EQ(payload["previous"]["judgement"], "unacceptable");
  EXPECT_EQ(payload["judgement"], "acceptable");

  // The timeline shows both, the original untouched.
  const auto timeline =
      As("demo.po1", "GET", std::string("/api/v1/people/") + kCrn + "/timeline").body;
  EXPECT_NE(timeline.find("Outcome recorded: Supervision appointment on 24 November 2026 at "
                          "10am: Failed to attend, unacceptable"),
            std::string::npos);
  EXPECT_NE(timeline.find("now Failed to attend, acceptable (Illness or injury); was Failed to "
                          "attend, unacceptable. Reason: Medical evidence received after the "
                          "appointment. On the instruction of Sandra Price"),
            std::string::npos)
      << timeline;
}

TEST_P(AppointmentsTest, OutcomeHistoryCannotBeChangedInTheDatabase) {
  const auto a = Book(Booking());
  clock_.Set(*ParseUtc("2026-11-24T11:00:00.000000Z"));
  ASSERT_EQ(As("demo.po1", "POST", At(a["id"], "/outcome"),
               {{"version", 1}, {"outcome", "attended_complied"}})
                .status,
            200);
  auto tx = db_->BeginWrite();
  EXPECT_ANY_THROW(tx.sql() << "UPDATE appointment_outcome SET judgement = 'acceptable'");
}

TEST_P(AppointmentsTest, AStaleVersionIsAConflictThatSaysWhatChanged) {
  const auto a = Book(Booking());
  clock_.Set(*ParseUtc("2026-11-24T11:00:00.000000Z"));
  ASSERT_EQ(As("demo.po1", "POST", At(a["id"], "/outcome"),
               {{"version", 1}, {"outcome", "attended_complied"}})
                .status,
            200);
  const auto before = EventCount();
  const auto r = As("demo.spo1", "POST", At(a["id"], "/outcome/amendments"),
                    {{"version", 1},
                     {"outcome", "failed_to_attend"},
                     {"judgement", "unacceptable"},
                     {"note", "He left before we started"},
                     {"reason", "Recorded on the wrong person"}});
  ExpectRefused(r, 409, "stale_version", "version", before);
  EXPECT_NE(r.body.find("changed since: outcome recorded"), std::string::npos) << r.body;
}

TEST_P(AppointmentsTest, RearrangingKeepsTheOriginalLinkedAndCountsWhoAsked) {
  const auto a = Book(Booking());
  const auto before = EventCount();
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/rearrange"),
                   {{"version", 1}, {"requested_by", "person"}, {"starts_at", "2026-11-25T10:00"}}),
                400, "missing_field", "reason", before);
  const auto r = As("demo.po1", "POST", At(a["id"], "/rearrange"),
                    {{"version", 1},
                     {"requested_by", "person"},
                     {"reason", "Job interview"},
                     {"starts_at", "2026-11-25T14:00"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto moved = json::parse(r.body);
  const auto& original = moved["original"];
  const auto& replacement = moved["replacement"];
  EXPECT_EQ(original["status"], "rearranged");
  EXPECT_EQ(original["starts_at"], "2026-11-24T10:00:00.000000Z");
  EXPECT_EQ(original["rearranged_to"], replacement["id"]);
  EXPECT_EQ(original["rearrangement"]["requested_by"], "person");
  EXPECT_EQ(replacement["rearranged_from"], original["id"]);
  EXPECT_EQ(replacement["starts_at_uk"], "2026-11-25T14:00+00:00");
  EXPECT_EQ(replacement["place"]["office"], "NE-WALL");
  EXPECT_EQ(replacement["sentence_id"], sentence_id_);

  // Moved again by the service; the first original cannot move twice.
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/rearrange"),
                   {{"version", 2},
                    {"requested_by", "service"},
                    {"reason", "Office closed"},
                    {"starts_at", "2026-11-26T10:00"}}),
                409, "already_rearranged", "", EventCount());
  ASSERT_EQ(As("demo.po1", "POST", At(replacement["id"], "/rearrange"),
               {{"version", 1},
                {"requested_by", "service"},
                {"reason", "Officer on leave"},
                {"starts_at", "2026-11-27T10:00"}})
                .status,
            201);
  const auto list = json::parse(As("demo.po1", "GET", kBase).body);
  EXPECT_EQ(list["items"].size(), 3u);
  EXPECT_EQ(list["rearrangements"]["by_person"], 1);
  EXPECT_EQ(list["rearrangements"]["by_service"], 1);

  // Once it has started it cannot be rearranged; record its outcome instead.
  clock_.Set(*ParseUtc("2026-11-27T10:05:00.000000Z"));
  const int64_t last = list["items"][2]["id"];
  ExpectRefused(As("demo.po1", "POST", At(last, "/rearrange"),
                   {{"version", 1},
                    {"requested_by", "person"},
                    {"reason", "Late"},
                    {"starts_at", "2026-11-28T10:00"}}),
                409, "already_started", "starts_at", EventCount());
  ExpectRefused(As("demo.po1", "POST", At(a["id"], "/outcome"),
                   {{"version", 2}, {"outcome", "attended_complied"}}),
                409, "rearranged", "", EventCount());
}

TEST_P(AppointmentsTest, TheFirstAppointmentIsMeasuredOnTheOneAttended) {
  // Due Monday 30 November (five working days after Monday 23rd).
  const auto missed = Book(Booking("2026-11-24T10:00"));
  const auto attended = Book(Booking("2026-12-01T10:00"));
  auto first = json::parse(As("demo.po1", "GET", kBase).body)["first_appointments"];
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]["due_by"], "2026-11-30");
  EXPECT_EQ(first[0]["status"], "due");
  clock_.Set(*ParseUtc("2026-12-01T11:00:00.000000Z"));
  ASSERT_EQ(As("demo.po1", "POST", At(missed["id"], "/outcome"),
               {{"version", 1},
                {"outcome", "failed_to_attend"},
                {"judgement", "unacceptable"},
                {"note", "No show"}})
                .status,
            200);
  ASSERT_EQ(As("demo.po1", "POST", At(attended["id"], "/outcome"),
               {{"version", 1}, {"outcome", "attended_complied"}})
                .status,
            200);
  first = json::parse(As("demo.po1", "GET", kBase).body)["first_appointments"];
  EXPECT_EQ(first[0]["status"], "missed");
  EXPECT_EQ(first[0]["attended_on"], "2026-12-01");
  EXPECT_EQ(first[0]["appointment_id"], attended["id"]);
}

TEST_P(AppointmentsTest, TheDiaryListsTheDaysBookingsForItsOwnerAndTheirManager) {
  Book(Booking("2026-11-24T10:00"));
  Book(Booking("2026-11-26T15:30"));
  const auto day = json::parse(As("demo.po1", "GET", "/api/v1/diary?from=2026-11-24").body);
  ASSERT_EQ(day["items"].size(), 1u);
  EXPECT_EQ(day["items"][0]["crn"], kCrn);
  EXPECT_EQ(day["items"][0]["last_name"], "Robson");
  const auto week = json::parse(As("demo.po1", "GET", "/api/v1/diary?from=2026-11-23&days=7").body);
  EXPECT_EQ(week["items"].size(), 2u);
  EXPECT_EQ(As("demo.spo1", "GET", "/api/v1/diary?from=2026-11-23&days=7&username=demo.po1").status,
            200);
  EXPECT_EQ(As("demo.po2", "GET", "/api/v1/diary?username=demo.po1").status, 403);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/diary?days=40").status, 400);
  EXPECT_EQ(As("demo.po1", "GET", "/api/v1/diary?from=2026-13-01").status, 400);
}

TEST_P(AppointmentsTest, OutsideTheTeamTheCaseIsNotFound) {
  EXPECT_EQ(As("demo.po2", "POST", kBase, Booking()).status, 404);
  EXPECT_EQ(As("demo.po2", "GET", kBase).status, 404);
  EXPECT_EQ(Send("GET", kBase).status, 401);
}

TEST_P(AppointmentsTest, AdministratorsAddRoomsAndOthersMayNot) {
  const json room = {{"name", "Interview room 9"}, {"privacy", "private"}, {"capacity", 2}};
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/offices/NE-WALL/rooms", room).status, 403);
  const auto made = As("demo.admin", "POST", "/api/v1/offices/NE-WALL/rooms", room);
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(json::parse(made.body)["privacy"], "private");
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/offices/NE-WALL/rooms", room).status, 409);
  auto bad = room;
  bad["privacy"] = "cupboard";
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/offices/NE-WALL/rooms", bad).status, 400);
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/offices/NOPE/rooms", room).status, 404);
  EXPECT_EQ(
      json::parse(As("demo.po1", "GET", "/api/v1/offices/NE-WALL/rooms").body)["items"].size(), 9u);
  const auto types = json::parse(As("demo.po1", "GET", "/api/v1/appointment-types").body);
  EXPECT_GE(types["items"].size(), 10u);
}

TEST_P(AppointmentsTest, TheCaseloadShowsEachCasesNextAppointment) {
  const auto cookie = SignIn("demo.po1").first;
  const auto before = Send("GET", "/caseload?scope=all", {}, {{"Cookie", cookie}});
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("Next appointment"), std::string::npos);
  EXPECT_NE(before.body.find("None booked"), std::string::npos);
  Book(Booking("2026-11-26T15:30"));
  Book(Booking("2026-11-24T10:00"));
  const auto after = Send("GET", "/caseload?scope=all", {}, {{"Cookie", cookie}});
  EXPECT_NE(after.body.find("24 November 2026 at 10am"), std::string::npos) << after.body;
  EXPECT_EQ(after.body.find("26 November 2026 at 3:30pm"), std::string::npos);
  // Once it has passed, the next one is the one still to come.
  clock_.Set(*ParseUtc("2026-11-25T09:00:00.000000Z"));
  const auto later = Send("GET", "/caseload?scope=all", {}, {{"Cookie", SignIn("demo.po1").first}});
  EXPECT_NE(later.body.find("26 November 2026 at 3:30pm"), std::string::npos);
}

TEST_P(AppointmentsTest, AdministratorsKeepTheAppointmentTypesAndBookingsKeepTheirEnforceability) {
  const json type = {
      {"code", "victim_awareness"}, {"label", "Victim awareness session"}, {"enforceable", true}};
  EXPECT_EQ(As("demo.po1", "POST", "/api/v1/appointment-types", type).status, 403);
  ASSERT_EQ(As("demo.admin", "POST", "/api/v1/appointment-types", type).status, 201);
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/appointment-types", type).status, 409);
  auto bad = type;
  bad["code"] = "Victim Awareness";
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/appointment-types", bad).status, 400);
  auto undecided = type;
  undecided.erase("enforceable");
  undecided["code"] = "undecided";
  EXPECT_EQ(As("demo.admin", "POST", "/api/v1/appointment-types", undecided).status, 400);

  auto booking = Booking();
  booking["type"] = "victim_awareness";
  const auto booked = Book(booking);
  EXPECT_EQ(booked["enforceable"], true);
  const auto changed = As("demo.admin", "PATCH", "/api/v1/appointment-types/victim_awareness",
                          {{"enforceable", false}, {"active", false}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(json::parse(changed.body)["enforceable"], false);
  // The booking made under the old rule keeps it; the withdrawn type can no longer be booked.
  EXPECT_EQ(json::parse(As("demo.po1", "GET", At(booked["id"])).body)["enforceable"], true);
  EXPECT_EQ(As("demo.po1", "POST", kBase, booking).status, 400);
  EXPECT_EQ(As("demo.admin", "PATCH", "/api/v1/appointment-types/nope", {{"active", true}}).status,
            404);
  auto tx = db_->BeginRead();
  const auto events = store::EventsForSubject(tx, "appointment_type");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, "appointment_type.changed");
}

PROBITY_ON_BOTH_BACKENDS(AppointmentsTest);

}  // namespace
}  // namespace probity
