#include "web/appointment_routes.h"

#include <array>

#include "access/policy.h"
#include "access/store.h"
#include "app/appointments.h"
#include "cases/store.h"
#include "core/uk_time.h"
#include "web/appointment_json.h"
#include "web/case_gate.h"
#include "web/json_input.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

constexpr std::array kBookFields = {
    "type",        "starts_at", "duration_minutes", "office",      "room_id",
    "room_reason", "location",  "with_username",    "sentence_id", "requirement_id"};
constexpr std::array kRearrangeFields = {
    "version", "requested_by", "reason",      "starts_at", "duration_minutes",
    "office",  "room_id",      "room_reason", "location",  "with_username"};
constexpr std::array kOutcomeFields = {"version", "outcome", "judgement", "judgement_reason",
                                       "note"};
constexpr std::array kAmendFields = {"version", "outcome", "judgement",    "judgement_reason",
                                     "note",    "reason",  "instructed_by"};

constexpr std::array kTypeFields = {"code", "label", "enforceable", "active"};
constexpr std::array kTypeChangeFields = {"label", "enforceable", "active"};

json TypeJson(const appointments::AppointmentType& t) {
  return {
      {"code", t.code}, {"label", t.label}, {"enforceable", t.enforceable}, {"active", t.active}};
}

// Administrators only: kForbidden otherwise.
Status RequireAdministrator(const Principal& who) {
  return access::Require(access::Decide(who, Action::kManageOrganisation));
}

Result<int64_t> AppointmentId(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_appointment",
               "this person has no appointment " + std::string(request.Param("id")), "id"};
}

Result<UtcTime> StartsAt(const json& body) {
  auto text = RequiredString(body, "starts_at");
  if (!text) return text.error();
  return ParseUkLocalTime(*text, "starts_at");
}

// Where and with whom, as booking and rearranging both take them (all optional here; the rules
// say which combinations stand).
struct Where {
  std::optional<std::string> office;
  std::optional<int64_t> room;
  std::optional<std::string> room_reason;
  std::optional<std::string> location;
  std::optional<std::string> with;
};

Result<Where> ParseWhere(const json& b) {
  auto office = OptionalString(b, "office");
  if (!office) return office.error();
  auto room = OptionalInt(b, "room_id");
  if (!room) return room.error();
  auto room_reason = OptionalString(b, "room_reason");
  if (!room_reason) return room_reason.error();
  auto location = OptionalString(b, "location");
  if (!location) return location.error();
  auto with = OptionalString(b, "with_username");
  if (!with) return with.error();
  return Where{*office, *room, *room_reason, *location, *with};
}

Result<appointments::NewAppointment> ParseBooking(const json& b) {
  appointments::NewAppointment in;
  auto type = RequiredString(b, "type");
  if (!type) return type.error();
  auto starts = StartsAt(b);
  if (!starts) return starts.error();
  auto duration = RequiredInt32(b, "duration_minutes");
  if (!duration) return duration.error();
  auto where = ParseWhere(b);
  if (!where) return where.error();
  auto sentence = OptionalInt(b, "sentence_id");
  if (!sentence) return sentence.error();
  auto requirement = OptionalInt(b, "requirement_id");
  if (!requirement) return requirement.error();
  in.type = *type;
  in.starts_at = *starts;
  in.duration_minutes = *duration;
  in.office_code = where->office;
  in.room_id = where->room;
  in.room_reason = where->room_reason;
  in.location = where->location;
  in.with_username = where->with;
  in.sentence_id = *sentence;
  in.requirement_id = *requirement;
  return in;
}

Result<appointments::Rearrangement> ParseRearrangement(const json& b) {
  appointments::Rearrangement in;
  auto requested_by = RequiredString(b, "requested_by");
  if (!requested_by) return requested_by.error();
  auto reason = RequiredString(b, "reason");
  if (!reason) return reason.error();
  auto starts = StartsAt(b);
  if (!starts) return starts.error();
  auto duration = OptionalInt32(b, "duration_minutes");
  if (!duration) return duration.error();
  auto where = ParseWhere(b);
  if (!where) return where.error();
  in.requested_by = *requested_by;
  in.reason = *reason;
  in.starts_at = *starts;
  in.duration_minutes = *duration;
  in.office_code = where->office;
  in.room_id = where->room;
  in.room_reason = where->room_reason;
  in.location = where->location;
  in.with_username = where->with;
  return in;
}

Result<appointments::OutcomeInput> ParseOutcome(const json& b) {
  appointments::OutcomeInput in;
  auto outcome = RequiredString(b, "outcome");
  if (!outcome) return outcome.error();
  auto judgement = OptionalString(b, "judgement");
  if (!judgement) return judgement.error();
  auto reason = OptionalString(b, "judgement_reason");
  if (!reason) return reason.error();
  auto note = OptionalString(b, "note");
  if (!note) return note.error();
  in.outcome = *outcome;
  in.judgement = *judgement;
  in.judgement_reason = *reason;
  in.note = note->value_or("");
  return in;
}

// Whose diary: the caller's, or (`username`) a colleague's whose team workload the caller may
// read. kNotFound for an unknown account; kForbidden otherwise.
Result<int64_t> DiaryOwner(const Auth& auth, const Request& request, const Principal& who) {
  const auto username = request.Query("username");
  if (!username) return who.staff_id;
  auto tx = auth.db().BeginRead();
  auto account = access::FindAccount(tx, std::string(*username));
  if (!account)
    return Error{ErrorKind::kNotFound, "unknown_user",
                 "there is no account " + std::string(*username), "username"};
  const int64_t staff = account->account.staff_id;
  if (staff == who.staff_id) return staff;
  for (const int64_t team : cases::TeamsOfStaff(tx, staff)) {
    const auto unit = cases::FindTeamUnit(tx, cases::TeamCodeOf(tx, team));
    if (unit && access::Decide(who, Action::kReadTeamWorkload, *unit)) return staff;
  }
  return Error::Forbidden("forbidden", "you may see the diaries of your own teams' staff only");
}

// The diary's days: from=YYYY-MM-DD (default today, UK) and days=1..31 (default 1; 7 for a week).
Result<std::pair<Date, int>> DiaryDays(const Request& request, UtcTime now) {
  Date from = UkDateOf(now);
  if (auto text = request.Query("from")) {
    auto day = RequireDate(*text, "from");
    if (!day) return day.error();
    from = *day;
  }
  int days = 1;
  if (auto text = request.Query("days")) {
    const std::string value(*text);
    if (value.empty() || value.size() > 2 ||
        value.find_first_not_of("0123456789") != std::string::npos || std::stoi(value) < 1 ||
        std::stoi(value) > 31)
      return Error::Invalid("out_of_range", "days is a whole number from 1 to 31", "days");
    days = std::stoi(value);
  }
  return std::make_pair(from, days);
}
}  // namespace

void AddAppointmentRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/appointment-types",
             auth.Guard([&auth](const Request&, const Principal&) -> Result<Response> {
               json items = json::array();
               for (const auto& t : app::ListAppointmentTypes(auth.db()))
                 items.push_back(TypeJson(t));
               return Response::Json(200, {{"items", items}});
             }),
             {"The kinds of appointment, and whether national standards make each enforceable"});

  router.Add("POST", "/api/v1/appointment-types",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = RequireAdministrator(who); !ok) return ok.error();
               auto body = ParseJsonBody(request, kTypeFields);
               if (!body) return body.error();
               appointments::AppointmentType type;
               auto code = RequiredString(*body, "code");
               if (!code) return code.error();
               auto label = RequiredString(*body, "label");
               if (!label) return label.error();
               auto enforceable = OptionalBool(*body, "enforceable");
               if (!enforceable) return enforceable.error();
               if (!*enforceable)
                 return Error::Invalid("missing_field",
                                       "say whether failing to keep this appointment is "
                                       "enforceable: true or false",
                                       "enforceable");
               auto active = OptionalBool(*body, "active");
               if (!active) return active.error();
               type.code = *code;
               type.label = *label;
               type.enforceable = **enforceable;
               type.active = active->value_or(true);
               auto added =
                   app::AddAppointmentType(auth.db(), ActorOf(who), type, auth.clock().Now());
               if (!added) return added.error();
               return Response::Json(201, TypeJson(*added));
             }),
             {"Add an appointment type (administrators)"});

  router.Add("PATCH", "/api/v1/appointment-types/{code}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               if (auto ok = RequireAdministrator(who); !ok) return ok.error();
               auto body = ParseJsonBody(request, kTypeChangeFields);
               if (!body) return body.error();
               app::AppointmentTypeChange change;
               auto label = OptionalString(*body, "label");
               if (!label) return label.error();
               auto enforceable = OptionalBool(*body, "enforceable");
               if (!enforceable) return enforceable.error();
               auto active = OptionalBool(*body, "active");
               if (!active) return active.error();
               change = {*label, *enforceable, *active};
               auto changed = app::ChangeAppointmentType(auth.db(), ActorOf(who),
                                                         std::string(request.Param("code")), change,
                                                         auth.clock().Now());
               if (!changed) return changed.error();
               return Response::Json(200, TypeJson(*changed));
             }),
             {"Change an appointment type's label, enforceability or whether it can be booked "
              "(administrators)"});

  router.Add(
      "GET", "/api/v1/people/{crn}/appointments",
      OnCase(auth, Action::kReadCase,
             [&auth](const Request&, const Principal&, const app::CaseRef& on) -> Result<Response> {
               const auto now = auth.clock().Now();
               const auto all = app::ListAppointments(auth.db(), on, now);
               json items = json::array(), first = json::array();
               for (const auto& a : all.items) items.push_back(AppointmentJson(a, now));
               for (const auto& f : all.first_appointments)
                 first.push_back(FirstAppointmentJson(f));
               return Response::Json(200, {{"items", items},
                                           {"first_appointments", first},
                                           {"rearrangements",
                                            {{"by_person", all.rearrangements.by_person},
                                             {"by_service", all.rearrangements.by_service}}}});
             }),
      {"A person's appointments (rearranged ones too), each sentence's first appointment against "
       "national standards, and rearrangements counted by who asked"});

  router.Add("POST", "/api/v1/people/{crn}/appointments",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto body = ParseJsonBody(request, kBookFields);
                      if (!body) return body.error();
                      auto in = ParseBooking(*body);
                      if (!in) return in.error();
                      const auto now = auth.clock().Now();
                      auto booked = app::BookAppointment(auth.db(), ActorOf(who), on, *in, now);
                      if (!booked) return booked.error();
                      return Response::Json(201, AppointmentJson(*booked, now));
                    }),
             {"Book an appointment: a UK time, how long, where (an office and room, or another "
              "location) and with whom"});

  router.Add("GET", "/api/v1/people/{crn}/appointments/{id}",
             OnCase(auth, Action::kReadCase,
                    [&auth](const Request& request, const Principal&,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = AppointmentId(request);
                      if (!id) return id.error();
                      auto a = app::GetAppointment(auth.db(), on, *id);
                      if (!a) return a.error();
                      return Response::Json(200, AppointmentJson(*a, auth.clock().Now()));
                    }),
             {"One appointment with its current outcome and every earlier one"});

  router.Add(
      "POST", "/api/v1/people/{crn}/appointments/{id}/rearrange",
      OnCase(auth, Action::kWriteCase,
             [&auth](const Request& request, const Principal& who,
                     const app::CaseRef& on) -> Result<Response> {
               auto id = AppointmentId(request);
               if (!id) return id.error();
               auto body = ParseJsonBody(request, kRearrangeFields);
               if (!body) return body.error();
               auto version = RequiredVersion(*body);
               if (!version) return version.error();
               auto in = ParseRearrangement(*body);
               if (!in) return in.error();
               const auto now = auth.clock().Now();
               auto moved =
                   app::RearrangeAppointment(auth.db(), ActorOf(who), on, *id, *in, *version, now);
               if (!moved) return moved.error();
               return Response::Json(201,
                                     {{"original", AppointmentJson(moved->original, now)},
                                      {"replacement", AppointmentJson(moved->replacement, now)}});
             }),
      {"Rearrange an appointment before it starts, at the person's or the service's request: "
       "the original stays, linked to its replacement"});

  router.Add("POST", "/api/v1/people/{crn}/appointments/{id}/outcome",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = AppointmentId(request);
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kOutcomeFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto in = ParseOutcome(*body);
                      if (!in) return in.error();
                      const auto now = auth.clock().Now();
                      auto a =
                          app::RecordOutcome(auth.db(), ActorOf(who), on, *id, *in, *version, now);
                      if (!a) return a.error();
                      return Response::Json(200, AppointmentJson(*a, now));
                    }),
             {"Record what happened at an appointment that has started; a failure needs an "
              "absence judgement and a note"});

  router.Add("POST", "/api/v1/people/{crn}/appointments/{id}/outcome/amendments",
             OnCase(auth, Action::kWriteCase,
                    [&auth](const Request& request, const Principal& who,
                            const app::CaseRef& on) -> Result<Response> {
                      auto id = AppointmentId(request);
                      if (!id) return id.error();
                      auto body = ParseJsonBody(request, kAmendFields);
                      if (!body) return body.error();
                      auto version = RequiredVersion(*body);
                      if (!version) return version.error();
                      auto in = ParseOutcome(*body);
                      if (!in) return in.error();
                      auto reason = RequiredString(*body, "reason");
                      if (!reason) return reason.error();
                      auto instructed = OptionalString(*body, "instructed_by");
                      if (!instructed) return instructed.error();
                      const auto now = auth.clock().Now();
                      auto a = app::AmendOutcome(auth.db(), ActorOf(who), on, *id, *in, *reason,
                                                 *instructed, *version, now);
                      if (!a) return a.error();
                      return Response::Json(200, AppointmentJson(*a, now));
                    }),
             {"Amend a recorded outcome or judgement: a new record with why and on whose "
              "instruction; the earlier one stays visible"});

  router.Add(
      "GET", "/api/v1/diary",
      auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
        const auto now = auth.clock().Now();
        auto days = DiaryDays(request, now);
        if (!days) return days.error();
        auto owner = DiaryOwner(auth, request, who);
        if (!owner) return owner.error();
        json items = json::array();
        for (const auto& e :
             app::LoadDiary(auth.db(), *owner, who.staff_id, days->first, days->second))
          items.push_back(DiaryEntryJson(e, now));
        return Response::Json(200, {{"from", FormatDate(days->first)},
                                    {"days", days->second},
                                    {"staff_id", *owner},
                                    {"items", items}});
      }),
      {"A practitioner's booked appointments by UK day: yours, or a colleague's in a team whose "
       "workload you may read"});
}

}  // namespace probity::web
