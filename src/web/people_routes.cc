#include "web/people_routes.h"

#include "access/policy.h"
#include "app/people.h"
#include "cases/rules.h"
#include "cases/store.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/person_json.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

// Reads the body, opens the case for writing, and calls `act(body, case, who)`.
template <class Act>
ResultHandler CaseWrite(const Auth& auth, Act act) {
  return auth.Guard([&auth, act](const Request& request, const Principal& who) -> Result<Response> {
    auto on = OpenCaseFor(auth, request, who, Action::kWriteCase);
    if (!on) return on.error();
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    return act(*body, *on, who, request);
  });
}

Result<cases::NewPerson> ParseNewPerson(const json& b, const Principal& who,
                                        store::Transaction& tx) {
  cases::NewPerson p;
  auto crn = RequiredString(b, "crn");
  if (!crn) return crn.error();
  auto first = RequiredString(b, "first_name");
  if (!first) return first.error();
  auto last = RequiredString(b, "last_name");
  if (!last) return last.error();
  auto born = RequiredString(b, "date_of_birth");
  if (!born) return born.error();
  auto gender = RequiredString(b, "gender");
  if (!gender) return gender.error();
  auto phone = OptionalString(b, "phone");
  if (!phone) return phone.error();
  auto email = OptionalString(b, "email");
  if (!email) return email.error();
  auto team = OptionalString(b, "team_code");
  if (!team) return team.error();
  auto iom = OptionalBool(b, "iom");
  if (!iom) return iom.error();
  p.crn = *crn;
  p.first_name = *first;
  p.last_name = *last;
  p.date_of_birth = *born;
  p.gender = *gender;
  p.phone = *phone;
  p.email = *email;
  p.iom = iom->value_or(false);
  if (*team) {
    p.team_code = **team;
  } else if (who.team_ids.size() == 1) {
    p.team_code = cases::TeamCodeOf(tx, who.team_ids.front());
  } else {
    return Error::Invalid(
        "required",
        "team_code is required: you belong to " + std::to_string(who.team_ids.size()) + " teams",
        "team_code");
  }
  return p;
}

Result<cases::PersonChange> ParsePersonChange(const json& b) {
  using cases::PersonChange;
  cases::PersonChange c;
  // Absent or null leaves the field as it is.
  for (auto [field, member] : {std::pair{"first_name", &PersonChange::first_name},
                               std::pair{"last_name", &PersonChange::last_name},
                               std::pair{"date_of_birth", &PersonChange::date_of_birth},
                               std::pair{"gender", &PersonChange::gender}}) {
    auto v = OptionalString(b, field);
    if (!v) return v.error();
    c.*member = *v;
  }
  // phone and email may be cleared with null, so "present" and "null" differ here.
  for (auto [field, member] :
       {std::pair{"phone", &PersonChange::phone}, std::pair{"email", &PersonChange::email}}) {
    if (!b.contains(field)) continue;
    auto v = OptionalString(b, field);
    if (!v) return v.error();
    c.*member = *v;
  }
  auto iom = OptionalBool(b, "iom");
  if (!iom) return iom.error();
  c.iom = *iom;
  return c;
}

// The caller's scope, and their staff id for the restriction filter.
cases::PeopleQuery ScopedQuery(const Principal& who) {
  cases::PeopleQuery q;
  q.scope = access::ScopeOf(who, Action::kReadCase);
  q.viewer_staff_id = who.staff_id;
  return q;
}

Status ApplyPaging(const Request& request, cases::PeopleQuery& q) {
  if (auto cursor = request.Query("cursor")) {
    q.after = DecodePeopleCursor(*cursor);
    if (!q.after)
      return Error::Invalid("invalid_cursor", "the cursor is not one this gave", "cursor");
  }
  if (auto limit = request.Query("limit")) {
    try {
      size_t used = 0;
      q.limit = std::stoi(std::string(*limit), &used);
      if (used != limit->size() || q.limit < 1 || q.limit > 200) throw std::out_of_range("limit");
    } catch (const std::exception&) {
      return Error::Invalid("invalid_limit", "limit must be a whole number from 1 to 200", "limit");
    }
  }
  return Ok();
}

Response PeoplePageResponse(const cases::PeoplePage& page) {
  json items = json::array();
  for (const auto& p : page.items) items.push_back(PersonSummaryJson(p));
  return Response::Json(
      200, {{"items", std::move(items)},
            {"next_cursor", page.next ? json(EncodePeopleCursor(*page.next)) : json(nullptr)}});
}

Result<Response> Search(const Auth& auth, const Request& request, const Principal& who) {
  auto q = ScopedQuery(who);
  if (q.scope.kind == access::CaseScope::Kind::kNone)
    return Error::Forbidden("forbidden", "your role reads no case records");
  if (auto crn = request.Query("crn")) {
    if (auto s = cases::CheckCrn(*crn); !s) return s.error();
    q.crn = std::string(*crn);
  }
  if (auto name = request.Query("name")) {
    if (auto s = cases::CheckText(*name, "name", 100); !s) return s.error();
    q.name = std::string(*name);
  }
  if (auto born = request.Query("date_of_birth")) {
    if (auto s = cases::CheckDate(*born, "date_of_birth"); !s) return s.error();
    q.date_of_birth = std::string(*born);
  }
  if (auto s = ApplyPaging(request, q); !s) return s.error();
  auto tx = auth.db().BeginRead();
  return PeoplePageResponse(cases::FindPeople(tx, q));
}

Result<cases::Registration> ParseRegistration(const json& b) {
  cases::Registration r;
  auto type = RequiredString(b, "type");
  if (!type) return type.error();
  auto level = OptionalString(b, "level");
  if (!level) return level.error();
  auto category = OptionalString(b, "category");
  if (!category) return category.error();
  auto notes = OptionalString(b, "notes");
  if (!notes) return notes.error();
  auto start = RequiredString(b, "start_date");
  if (!start) return start.error();
  r.type = *type;
  r.level = *level;
  r.category = *category;
  r.notes = *notes;
  r.start_date = *start;
  return r;
}

Result<cases::Address> ParseAddress(const json& b) {
  cases::Address a;
  auto status = OptionalString(b, "status");
  if (!status) return status.error();
  auto line1 = RequiredString(b, "line1");
  if (!line1) return line1.error();
  auto line2 = OptionalString(b, "line2");
  if (!line2) return line2.error();
  auto town = RequiredString(b, "town");
  if (!town) return town.error();
  auto postcode = RequiredString(b, "postcode");
  if (!postcode) return postcode.error();
  auto start = RequiredString(b, "start_date");
  if (!start) return start.error();
  a.status = status->value_or("main");
  a.line1 = *line1;
  a.line2 = *line2;
  a.town = *town;
  a.postcode = *postcode;
  a.start_date = *start;
  return a;
}

Result<std::vector<cases::Need>> ParseNeeds(const json& b) {
  auto assessed = RequiredString(b, "assessed_on");
  if (!assessed) return assessed.error();
  if (!b.contains("needs") || !b["needs"].is_object() || b["needs"].empty())
    return Error::Invalid("required",
                          "needs is an object of need: severity, for example "
                          "{\"accommodation\": \"severe\"}",
                          "needs");
  std::vector<cases::Need> out;
  const json& needs = b["needs"];
  for (const auto& [need, severity] : needs.items()) {
    if (!severity.is_string())
      return Error::Invalid("invalid_field", "each need's severity is none, standard or severe",
                            "needs");
    cases::Need n;
    n.need = need;
    n.severity = severity.get<std::string>();
    n.assessed_on = *assessed;
    out.push_back(std::move(n));
  }
  return out;
}
}  // namespace

void AddPeopleRoutes(Router& router, const Auth& auth) {
  router.Add(
      "POST", "/api/v1/people",
      auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
        auto body = ParseJsonBody(request);
        if (!body) return body.error();
        cases::NewPerson person;
        {
          auto tx = auth.db().BeginRead();
          auto parsed = ParseNewPerson(*body, who, tx);
          if (!parsed) return parsed.error();
          person = *parsed;
          auto unit = cases::FindTeamUnit(tx, person.team_code);
          if (!unit)
            return Error{ErrorKind::kNotFound, "unknown_team",
                         "there is no team with code " + person.team_code, "team_code"};
          // Registering puts a case in a team: the same decision as writing to a case there.
          auto decision = access::Decide(who, Action::kWriteCase,
                                         access::CaseAccess{unit->team_id, unit->pdu_id, {}, {}});
          if (!decision)
            return Error::Forbidden("forbidden", "you may not register people in team " +
                                                     person.team_code + ": " + decision.reason);
        }
        auto added = app::RegisterPerson(auth.db(), ActorOf(who), person, auth.clock().Now());
        if (!added) return added.error();
        auto tx = auth.db().BeginRead();
        auto record = cases::LoadCaseRecord(tx, *cases::FindPerson(tx, added->crn));
        return Response::Json(201, CaseRecordJson(record))
            .SetHeader("Location", "/api/v1/people/" + added->crn);
      }),
      {"Register a person on probation in a team you work in"});

  router.Add("GET", "/api/v1/people",
             auth.Guard([&auth](const Request& request, const Principal& who) {
               return Search(auth, request, who);
             }),
             {"Search people within your scope by crn, name prefix and date_of_birth"});

  router.Add("GET", "/api/v1/caseload",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto q = ScopedQuery(who);
               q.officer_staff_id = who.staff_id;
               if (auto s = ApplyPaging(request, q); !s) return s.error();
               auto tx = auth.db().BeginRead();
               return PeoplePageResponse(cases::FindPeople(tx, q));
             }),
             {"The people you are the responsible officer for"});

  router.Add("GET", "/api/v1/unallocated",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto q = ScopedQuery(who);
               q.scope = access::ScopeOf(who, Action::kAllocateCase);
               if (q.scope.kind == access::CaseScope::Kind::kNone)
                 return Error::Forbidden("forbidden", "only SPOs and senior managers allocate");
               q.unallocated_only = true;
               if (auto s = ApplyPaging(request, q); !s) return s.error();
               auto tx = auth.db().BeginRead();
               return PeoplePageResponse(cases::FindPeople(tx, q));
             }),
             {"Cases with a current sentence and no responsible officer, in your scope"});

  router.Add("GET", "/api/v1/people/{crn}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kReadCase);
               if (!on) return on.error();
               auto tx = auth.db().BeginRead();
               auto person = cases::FindPerson(tx, on->crn);
               if (!person) return Error::NotFound("not_found", "there is no such person");
               return Response::Json(200, CaseRecordJson(cases::LoadCaseRecord(tx, *person)));
             }),
             {"A person's record: details, officer, registrations, sentences and more"});

  router.Add("PATCH", "/api/v1/people/{crn}",
             CaseWrite(auth,
                       [&auth](const json& body, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto version = RequiredVersion(body);
                         if (!version) return version.error();
                         auto change = ParsePersonChange(body);
                         if (!change) return change.error();
                         auto next = app::ChangePerson(auth.db(), ActorOf(who), on, *change,
                                                       *version, auth.clock().Now());
                         if (!next) return next.error();
                         auto tx = auth.db().BeginRead();
                         return Response::Json(200, CaseRecordJson(cases::LoadCaseRecord(
                                                        tx, *cases::FindPerson(tx, on.crn))));
                       }),
             {"Change a person's details, given the version you read"});

  router.Add("POST", "/api/v1/people/{crn}/aliases",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         cases::Alias alias;
                         auto first = RequiredString(b, "first_name");
                         if (!first) return first.error();
                         auto last = RequiredString(b, "last_name");
                         if (!last) return last.error();
                         auto born = OptionalString(b, "date_of_birth");
                         if (!born) return born.error();
                         alias.first_name = *first;
                         alias.last_name = *last;
                         alias.date_of_birth = *born;
                         auto id =
                             app::AddAlias(auth.db(), ActorOf(who), on, alias, auth.clock().Now());
                         if (!id) return id.error();
                         return Response::Json(201, {{"id", *id}});
                       }),
             {"Add an alias"});

  router.Add("POST", "/api/v1/people/{crn}/addresses",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto address = ParseAddress(b);
                         if (!address) return address.error();
                         auto id = app::AddAddress(auth.db(), ActorOf(who), on, *address,
                                                   auth.clock().Now());
                         if (!id) return id.error();
                         return Response::Json(201, {{"id", *id}});
                       }),
             {"Add an address; a new main address moves the old one to the history"});

  router.Add("POST", "/api/v1/people/{crn}/needs",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto needs = ParseNeeds(b);
                         if (!needs) return needs.error();
                         if (auto s = app::RecordNeeds(auth.db(), ActorOf(who), on, *needs,
                                                       auth.clock().Now());
                             !s)
                           return s.error();
                         return Response::Json(201, {{"recorded", needs->size()}});
                       }),
             {"Record a needs assessment"});

  router.Add("POST", "/api/v1/people/{crn}/registrations",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto registration = ParseRegistration(b);
                         if (!registration) return registration.error();
                         auto id = app::AddRegistration(auth.db(), ActorOf(who), on, *registration,
                                                        auth.clock().Now());
                         if (!id) return id.error();
                         return Response::Json(201, {{"id", *id}, {"version", 1}});
                       }),
             {"Add a registration (ROSH, MAPPA, domestic abuse, child protection...)"});

  router.Add(
      "POST", "/api/v1/people/{crn}/registrations/{id}/end",
      CaseWrite(auth,
                [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                        const Request& request) -> Result<Response> {
                  const auto param = request.IdParam("id");
                  if (!param)
                    return Error::NotFound("not_found", "this person has no such registration");
                  const int64_t id = *param;
                  auto version = RequiredVersion(b);
                  if (!version) return version.error();
                  auto end = RequiredString(b, "end_date");
                  if (!end) return end.error();
                  auto reason = RequiredString(b, "reason");
                  if (!reason) return reason.error();
                  auto next = app::EndRegistration(auth.db(), ActorOf(who), on, id, *end, *reason,
                                                   *version, auth.clock().Now());
                  if (!next) return next.error();
                  return Response::Json(200, {{"id", id}, {"version", *next}, {"end_date", *end}});
                }),
      {"End a registration, given the version you read"});

  router.Add("POST", "/api/v1/people/{crn}/keep-apart",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto other = RequiredString(b, "other_crn");
                         if (!other) return other.error();
                         auto reason = RequiredString(b, "reason");
                         if (!reason) return reason.error();
                         auto id = app::LinkKeepApart(auth.db(), ActorOf(who), on, *other, *reason,
                                                      auth.clock().Now());
                         if (!id) return id.error();
                         return Response::Json(201, {{"id", *id}});
                       }),
             {"Link two people who must never be booked together"});

  router.Add("POST", "/api/v1/people/{crn}/convictions",
             CaseWrite(auth,
                       [&auth](const json& b, const app::CaseRef& on, const Principal& who,
                               const Request&) -> Result<Response> {
                         auto date = RequiredString(b, "conviction_date");
                         if (!date) return date.error();
                         auto group = RequiredString(b, "offence_group");
                         if (!group) return group.error();
                         auto offence = OptionalString(b, "offence");
                         if (!offence) return offence.error();
                         auto id =
                             app::AddConviction(auth.db(), ActorOf(who), on,
                                                {0, *date, *group, *offence}, auth.clock().Now());
                         if (!id) return id.error();
                         return Response::Json(201, {{"id", *id}});
                       }),
             {"Add a previous conviction"});

  router.Add("GET", "/api/v1/people/{crn}/allocations",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kReadCase);
               if (!on) return on.error();
               auto tx = auth.db().BeginRead();
               json items = json::array();
               for (const auto& a : cases::LoadAllocations(tx, on->person_id))
                 items.push_back(AllocationJson(a));
               return Response::Json(200, {{"items", std::move(items)}, {"next_cursor", nullptr}});
             }),
             {"Every allocation of the case, newest first"});

  router.Add("POST", "/api/v1/people/{crn}/allocation",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kAllocateCase);
               if (!on) return on.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               app::AllocationRequest in;
               auto officer = OptionalString(*body, "officer_username");
               if (!officer) return officer.error();
               auto team = OptionalString(*body, "team_code");
               if (!team) return team.error();
               auto reason = RequiredString(*body, "reason");
               if (!reason) return reason.error();
               in.officer_username = *officer;
               in.team_code = *team;
               in.reason = *reason;
               auto over = OptionalString(*body, "over_capacity_reason");
               if (!over) return over.error();
               in.over_capacity_reason = over->value_or("");
               if (in.team_code) {
                 // Moving a case to another team needs the same reach over that team.
                 auto tx = auth.db().BeginRead();
                 auto unit = cases::FindTeamUnit(tx, *in.team_code);
                 if (!unit)
                   return Error{ErrorKind::kNotFound, "unknown_team",
                                "there is no team with code " + *in.team_code, "team_code"};
                 auto decision =
                     access::Decide(who, Action::kAllocateCase,
                                    access::CaseAccess{unit->team_id, unit->pdu_id, {}, {}});
                 if (!decision)
                   return Error::Forbidden("forbidden", "you may not allocate into team " +
                                                            *in.team_code + ": " + decision.reason);
               }
               auto id = app::Allocate(auth.db(), ActorOf(who), *on, in, auth.clock().Now());
               if (!id) return id.error();
               auto tx = auth.db().BeginRead();
               auto all = cases::LoadAllocations(tx, on->person_id);
               return Response::Json(201, AllocationJson(all.front()));
             }),
             {"Allocate a responsible officer (SPOs and senior managers)"});
}

}  // namespace probity::web
