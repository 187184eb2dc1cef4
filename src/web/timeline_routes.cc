#include "web/timeline_routes.h"

#include "app/contacts.h"
#include "cases/contact_rules.h"
#include "cases/vocabulary.h"
#include "web/case_gate.h"
#include "web/json_input.h"
#include "web/json_output.h"

namespace probity::web {

namespace {
using access::Action;
using access::Principal;
using nlohmann::json;

json ContactJson(const cases::Contact& c) {
  return {{"id", c.id},
          {"type", c.type},
          {"type_label", cases::TimelineTypeLabel(c.type)},
          {"at", FormatUtc(c.at)},
          {"author", c.author},
          {"author_name", c.author_name},
          {"note", c.note},
          {"sentence_id", OrNull(c.sentence_id)},
          {"system", c.system},
          {"event_seq", OrNull(c.event_seq)},
          {"recorded_at", FormatUtc(c.recorded_at)}};
}

json AmendmentJson(const cases::ContactAmendment& a) {
  return {{"id", a.entry.id},
          {"contact_id", a.contact_id},
          {"at", FormatUtc(a.entry.at)},
          {"author", a.entry.author},
          {"author_name", a.entry.author_name},
          {"reason", a.reason},
          {"note", a.note},
          {"instructed_by", OrNull(a.instructed_by)},
          {"instructed_by_name", OrNull(a.instructed_by_name)},
          {"event_seq", OrNull(a.entry.event_seq)},
          {"recorded_at", FormatUtc(a.entry.recorded_at)}};
}

std::string ContactPath(const app::CaseRef& on, int64_t id) {
  return "/api/v1/people/" + on.crn + "/contacts/" + std::to_string(id);
}

// The {id} of a contact route: a positive whole number, or the contact does not exist.
Result<int64_t> ContactIdOf(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error::NotFound("not_found",
                         "this person has no contact " + std::string(request.Param("id")));
}

Result<cases::NewContact> ParseNewContact(const json& body) {
  cases::NewContact in;
  auto type = RequiredString(body, "type");
  if (!type) return type.error();
  in.type = *type;
  auto at = OptionalString(body, "at");
  if (!at) return at.error();
  if (*at) {
    in.at = cases::ParseInstant(**at);
    if (!in.at)
      return Error::Invalid("invalid_instant",
                            "at must be an instant such as 2026-11-23T09:15:00Z (or with an "
                            "offset, +01:00)",
                            "at");
  }
  auto note = RequiredString(body, "note");
  if (!note) return note.error();
  in.note = *note;
  if (body.contains("sentence_id") && !body["sentence_id"].is_null()) {
    const auto& s = body["sentence_id"];
    if (!s.is_number_integer() || s.get<int64_t>() < 1)
      return Error::Invalid("invalid_field", "sentence_id must be a sentence's id (a number)",
                            "sentence_id");
    in.sentence_id = s.get<int64_t>();
  }
  return in;
}

// The request's filters, as sent: empty values count as absent (a form's blank field).
cases::TimelineFilter FilterOf(const Request& request) {
  cases::TimelineFilter f;
  const auto [first, last] = request.query.equal_range("type");
  for (auto it = first; it != last; ++it)
    if (!it->second.empty()) f.types.push_back(it->second);
  auto value = [&request](const char* name) -> std::optional<std::string> {
    auto v = request.Query(name);
    if (!v || v->empty()) return std::nullopt;
    return std::string(*v);
  };
  f.from = value("from");
  f.to = value("to");
  f.cursor = value("cursor");
  f.limit = value("limit");
  return f;
}
}  // namespace

void AddTimelineRoutes(Router& router, const Auth& auth) {
  router.Add("GET", "/api/v1/contact-types",
             auth.Guard([](const Request&, const Principal&) -> Result<Response> {
               json items = json::array();
               for (const auto& term : cases::ContactTypes())
                 items.push_back({{"code", term.code}, {"label", term.label}});
               return Response::Json(200, {{"items", items}});
             }),
             {"The types of contact a person can record, for forms"});

  router.Add("POST", "/api/v1/people/{crn}/contacts",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kWriteCase);
               if (!on) return on.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto in = ParseNewContact(*body);
               if (!in) return in.error();
               auto contact =
                   app::RecordContact(auth.db(), ActorOf(who), *on, *in, auth.clock().Now());
               if (!contact) return contact.error();
               auto response = Response::Json(201, ContactJson(*contact));
               response.SetHeader("Location", ContactPath(*on, contact->id));
               return response;
             }),
             {"Record a contact that has happened"});

  router.Add("GET", "/api/v1/people/{crn}/contacts/{id}",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kReadCase);
               if (!on) return on.error();
               auto id = ContactIdOf(request);
               if (!id) return id.error();
               auto detail = app::LoadContact(auth.db(), *on, *id);
               if (!detail) return detail.error();
               json out = ContactJson(detail->contact);
               out["amendments"] = json::array();
               for (const auto& a : detail->amendments)
                 out["amendments"].push_back(AmendmentJson(a));
               return Response::Json(200, out);
             }),
             {"A timeline entry with its amendments"});

  router.Add("POST", "/api/v1/people/{crn}/contacts/{id}/amendments",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kWriteCase);
               if (!on) return on.error();
               auto id = ContactIdOf(request);
               if (!id) return id.error();
               auto body = ParseJsonBody(request);
               if (!body) return body.error();
               auto note = RequiredString(*body, "note");
               if (!note) return note.error();
               auto reason = RequiredString(*body, "reason");
               if (!reason) return reason.error();
               auto instructed_by = OptionalString(*body, "instructed_by");
               if (!instructed_by) return instructed_by.error();
               auto amended = app::AmendContact(auth.db(), ActorOf(who), *on, *id, *note, *reason,
                                                *instructed_by, auth.clock().Now());
               if (!amended) return amended.error();
               auto response = Response::Json(201, AmendmentJson(*amended));
               response.SetHeader("Location", ContactPath(*on, *id));
               return response;
             }),
             {"Amend a contact: a new record; the original stays as it was"});

  router.Add("GET", "/api/v1/people/{crn}/timeline",
             auth.Guard([&auth](const Request& request, const Principal& who) -> Result<Response> {
               auto on = OpenCaseFor(auth, request, who, Action::kReadCase);
               if (!on) return on.error();
               auto query = cases::ParseTimelineFilter(FilterOf(request));
               if (!query) return query.error();
               const auto page = app::LoadTimeline(auth.db(), *on, *query);
               json items = json::array();
               for (const auto& c : page.items) items.push_back(ContactJson(c));
               return Response::Json(
                   200,
                   {{"items", items},
                    {"next_cursor", page.next ? json(cases::EncodeCursor(*page.next)) : json()}});
             }),
             {"A person's timeline of contacts and changes, newest first, a page at a time"});
}

}  // namespace probity::web
