#include "web/pages/person_pages.h"

#include "access/policy.h"
#include "app/contacts.h"
#include "app/unallocated.h"
#include "appointments/store.h"
#include "cases/contact_rules.h"
#include "cases/store.h"
#include "cases/timeline_store.h"
#include "cases/vocabulary.h"
#include "core/date.h"
#include "core/uk_time.h"
#include "web/case_gate.h"
#include "web/pages/appointment_pages.h"
#include "web/pages/drafted_form.h"
#include "web/person_json.h"

namespace probity::web::pages {

namespace {

using nlohmann::json;

constexpr int kTimelinePage = 50;
// The contact form keeps a draft when the session ends while someone writes.
const DraftedForm& ContactDraft() {
  static const DraftedForm form{
      "contact",
      {"type", "note", "date", "time"},
      [](const Request& request) { return std::string(request.Param("crn")); },
      [](const Request& request) {
        return "/people/" + std::string(request.Param("crn")) + "/contacts/new";
      }};
  return form;
}

// Dates in the record's JSON, made readable in place: each `field` of each object in `list`.
void LongDates(json& list, std::initializer_list<const char*> fields) {
  for (auto& item : list)
    for (const char* field : fields)
      if (item.contains(field) && item[field].is_string())
        item[field] = LongDate(item[field].get<std::string>());
}

}  // namespace

json PersonHeader(const cases::Person& p, std::string_view active) {
  return {{"crn", p.crn},
          {"full_name", p.first_name + " " + p.last_name},
          {"date_of_birth", LongDate(p.date_of_birth)},
          {"tier", p.tier ? json(*p.tier) : json()},  // null: no "Tier" at all
          {"restricted", p.limited},
          {"tab_overview", active == "overview"},
          {"tab_timeline", active == "timeline"},
          {"tab_appointments", active == "appointments"},
          {"tab_enforcement", active == "enforcement"},
          {"tab_risk", active == "risk"},
          {"tab_documents", active == "documents"},
          {"tab_contact", active == "contact"}};
}

namespace {

json TimelineRow(const cases::Contact& c) {
  return {{"id", c.id},
          {"type", c.type},
          {"label", cases::TimelineTypeLabel(c.type)},
          {"at", LongDateTime(c.at)},
          {"at_iso", FormatUtc(c.at)},
          {"author", c.author_name},
          {"note", c.note},
          {"system", c.system}};
}

// The contact form's view: the types to choose from, the values typed and errors by field.
json ContactFormData(const std::map<std::string, std::string>& values, const json& errors) {
  json types = json::array();
  const std::string chosen = values.count("type") ? values.at("type") : "";
  for (const auto& term : cases::ContactTypes())
    types.push_back({{"code", std::string(term.code)},
                     {"label", std::string(term.label)},
                     {"checked", chosen == term.code},
                     {"first", types.empty()}});  // its id is the field's, for the error link
  json data = {{"types", std::move(types)}, {"errors", errors}};
  for (const char* field : {"note", "date", "time"})
    data[field] = values.count(field) ? values.at(field) : "";
  for (const auto& e : errors) data[e["field"].get<std::string>() + "_error"] = e["message"];
  return data;
}

// The instant a contact happened from the form's UK date and time: kInvalid naming the field.
Result<std::optional<UtcTime>> ContactTime(const std::string& date, const std::string& time) {
  if (date.empty() && time.empty()) return std::optional<UtcTime>();
  if (date.empty()) return Error::Invalid("invalid_date", "Enter the date of the contact", "date");
  if (!ParseDate(date))
    return Error::Invalid("invalid_date", "Enter the date as YYYY-MM-DD, such as 2026-11-23",
                          "date");
  const std::string clock = time.empty() ? "12:00" : time;
  const bool shaped = clock.size() == 5 && clock[2] == ':';
  if (!shaped)
    return Error::Invalid("invalid_time", "Enter the time as HH:MM, such as 14:30", "time");
  // UK local time to an instant, with the offset of that day.
  auto at = cases::ParseInstant(date + "T" + clock + ":00Z");
  if (!at) return Error::Invalid("invalid_time", "Enter the time as HH:MM, such as 14:30", "time");
  const auto utc = UkLocalToUtc(*at);
  if (!utc)
    return Error::Invalid("invalid_time",
                          "That time did not happen in the UK that day (the clocks went forward)",
                          "time");
  return std::optional<UtcTime>(*utc);
}

}  // namespace

Result<Response> PersonPage(const Site& site, const Request& request,
                            const access::Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kReadCase);
  if (!on) return on.error();
  std::optional<cases::Person> person;
  cases::CaseRecord record;
  {
    auto tx = site.auth.db().BeginRead();
    person = cases::FindPerson(tx, on->crn);
    if (!person) return Error::NotFound("not_found", "there is no such person");
    record = cases::LoadCaseRecord(tx, *person);
  }
  // Outside the read: a case waiting in the queue notes who opened it (a write of its own).
  app::NoteUnallocatedView(site.auth.db(), who, record, site.auth.clock().Now());
  auto tx = site.auth.db().BeginRead();
  json data = CaseRecordJson(record);
  data["header"] = PersonHeader(*person, "overview");
  for (auto& s : data["sentences"]) {
    s["current"] = s["status"] == "active";
    for (const char* f :
         {"sentence_date", "expected_end", "release_date", "licence_end", "terminated_on"})
      if (s[f].is_string()) s[f] = LongDate(s[f].get<std::string>());
    LongDates(s["requirements"], {"start_date", "end_date"});
    LongDates(s["licence_conditions"], {"start_date", "end_date"});
  }
  LongDates(data["registrations"], {"start_date", "end_date"});
  json active = json::array(), ended = json::array();
  for (const auto& r : data["registrations"])
    (r["active"].get<bool>() ? active : ended).push_back(r);
  data["active_registrations"] = std::move(active);
  data["ended_registrations"] = std::move(ended);
  data["has_active_registrations"] = !data["active_registrations"].empty();
  data["has_sentences"] = !data["sentences"].empty();
  data["officer_name"] = person->officer_name.value_or("");
  data["allocated"] = person->officer_name.has_value();
  cases::TimelineQuery recent;
  recent.person_id = person->id;
  recent.limit = 5;
  json rows = json::array();
  for (const auto& c : cases::ReadTimeline(tx, recent).items) rows.push_back(TimelineRow(c));
  data["recent"] = std::move(rows);
  data["appointments"] = AppointmentsAtAGlance(appointments::LoadAppointments(tx, person->id),
                                               on->crn, site.auth.clock().Now());
  const std::string title = person->first_name + " " + person->last_name;
  return Page(site, &who, 200, title, "person", std::move(data));
}

namespace {

Result<Response> TimelinePage(const Site& site, const Request& request,
                              const access::Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kReadCase);
  if (!on) return on.error();
  cases::TimelineFilter filter;
  for (auto [it, end] = request.query.equal_range("type"); it != end; ++it)
    if (!it->second.empty()) filter.types.push_back(it->second);
  auto text = [&](const char* name) -> std::optional<std::string> {
    auto v = request.Query(name);
    if (!v || v->empty()) return std::nullopt;
    return std::string(*v);
  };
  filter.from = text("from");
  filter.to = text("to");
  filter.cursor = text("cursor");
  json data = {{"from", filter.from.value_or("")}, {"to", filter.to.value_or("")}};
  json errors = json::array();
  auto query = cases::ParseTimelineFilter(filter);
  if (!query) {
    const std::string field = query.error().field.empty() ? "type" : query.error().field;
    errors.push_back({{"field", field}, {"message", query.error().message}});
    data[field + "_error"] = query.error().message;
  }
  auto tx = site.auth.db().BeginRead();
  const auto person = cases::FindPerson(tx, on->crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  data["header"] = PersonHeader(*person, "timeline");
  json types = json::array();
  for (const auto& term : cases::ContactTypes()) {
    const bool checked =
        std::find(filter.types.begin(), filter.types.end(), term.code) != filter.types.end();
    types.push_back({{"code", std::string(term.code)},
                     {"label", std::string(term.label)},
                     {"checked", checked},
                     {"first", types.empty()}});
  }
  data["types"] = std::move(types);
  json rows = json::array();
  if (query) {
    query->person_id = person->id;
    query->limit = kTimelinePage;
    const auto page = cases::ReadTimeline(tx, *query);
    for (const auto& c : page.items) rows.push_back(TimelineRow(c));
    if (page.next) {
      std::string next = "/people/" + on->crn + "/timeline?";
      for (const auto& t : filter.types) next += "type=" + UrlEncoded(t) + "&";
      if (filter.from) next += "from=" + UrlEncoded(*filter.from) + "&";
      if (filter.to) next += "to=" + UrlEncoded(*filter.to) + "&";
      data["next_url"] = next + "cursor=" + cases::EncodeCursor(*page.next);
    }
  }
  data["empty"] = rows.empty();
  data["rows"] = std::move(rows);
  data["filtered"] = !filter.types.empty() || filter.from || filter.to;
  data["later_page"] = filter.cursor.has_value();
  data["added"] = request.Query("added").has_value();  // just saved from the contact form
  data["errors"] = std::move(errors);
  const int status = data["errors"].empty() ? 200 : 400;
  return Page(site, &who, status, person->first_name + " " + person->last_name + ": timeline",
              "timeline", std::move(data));
}

Response ContactForm(const Site& site, const access::Principal& who, const cases::Person& person,
                     int status, const std::map<std::string, std::string>& values,
                     const json& errors, std::optional<UtcTime> draft_saved_at) {
  json data = ContactFormData(values, errors);
  data["header"] = PersonHeader(person, "contact");
  if (draft_saved_at) data["draft_saved_at"] = LongDateTime(*draft_saved_at);
  return Page(site, &who, status, "Add a contact for " + person.first_name + " " + person.last_name,
              "contact_new", std::move(data));
}

Result<Response> NewContactPage(const Site& site, const Request& request,
                                const access::Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kWriteCase);
  if (!on) return on.error();
  std::optional<cases::Person> person;
  {
    auto tx = site.auth.db().BeginRead();
    person = cases::FindPerson(tx, on->crn);
  }
  if (!person) return Error::NotFound("not_found", "there is no such person");
  std::map<std::string, std::string> values;
  std::optional<UtcTime> saved_at;
  if (auto draft = DraftFor(site, who, ContactDraft(), on->crn)) {
    values = draft->fields;
    saved_at = draft->saved_at;
  }
  return ContactForm(site, who, *person, 200, values, json::array(), saved_at);
}

Result<Response> AddContact(const Site& site, const Request& request, const access::Principal& who,
                            const FormFields& form) {
  auto on = OpenCaseFor(site.auth, request, who, access::Action::kWriteCase);
  if (!on) return on.error();
  std::map<std::string, std::string> values;
  for (const char* field : {"type", "note", "date", "time"}) values[field] = FormValue(form, field);
  if (FormValue(form, "action") == "discard") {
    ForgetDrafts(site, who, ContactDraft(), on->crn);
    return SeeOther("/people/" + on->crn + "/contacts/new");
  }
  json errors = json::array();
  cases::NewContact contact;
  contact.type = values["type"];
  contact.note = values["note"];
  if (contact.type.empty())
    errors.push_back({{"field", "type"}, {"message", "Select the type of contact"}});
  if (contact.note.empty())
    errors.push_back({{"field", "note"}, {"message", "Enter a note of the contact"}});
  auto at = ContactTime(values["date"], values["time"]);
  if (!at)
    errors.push_back({{"field", at.error().field}, {"message", at.error().message}});
  else
    contact.at = *at;
  if (errors.empty()) {
    auto recorded =
        app::RecordContact(site.auth.db(), ActorOf(who), *on, contact, site.auth.clock().Now());
    if (recorded) {
      ForgetDrafts(site, who, ContactDraft(), on->crn);
      return SeeOther("/people/" + on->crn + "/timeline?added=" + std::to_string(recorded->id));
    }
    if (recorded.error().kind != ErrorKind::kInvalid) return recorded.error();
    const std::string field = recorded.error().field.empty() ? "note" : recorded.error().field;
    errors.push_back(
        {{"field", field == "at" ? "date" : field}, {"message", recorded.error().message}});
  }
  auto tx = site.auth.db().BeginRead();
  const auto person = cases::FindPerson(tx, on->crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  return ContactForm(site, who, *person, 400, values, errors, std::nullopt);
}

}  // namespace

void AddPersonPages(Router& router, const Site& site) {
  router.Add("GET", "/people/{crn}",
             SignedIn(site,
                      [site](const Request& request, const access::Principal& who) {
                        return PersonPage(site, request, who);
                      }),
             {"A person's overview: sentences, requirements, registrations, officer"});
  router.Add("GET", "/people/{crn}/timeline",
             SignedIn(site,
                      [site](const Request& request, const access::Principal& who) {
                        return TimelinePage(site, request, who);
                      }),
             {"A person's timeline, newest first, filtered by type and dates"});
  router.Add("GET", "/people/{crn}/contacts/new",
             SignedIn(site,
                      [site](const Request& request, const access::Principal& who) {
                        return NewContactPage(site, request, who);
                      }),
             {"The form to add a contact, with any draft kept when a session ended"});
  router.Add(
      "POST", "/people/{crn}/contacts/new",
      KeepingDraft(site, ContactDraft(),
                   [site](const Request& request, const access::Principal& who,
                          const FormFields& form) { return AddContact(site, request, who, form); }),
      {"Add a contact; keeps a draft if the session has ended"});
}

}  // namespace probity::web::pages
