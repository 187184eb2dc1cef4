#include "web/pages/appointment_pages.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "app/appointments.h"
#include "appointments/rules.h"
#include "appointments/vocabulary.h"
#include "cases/sentence_store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "rooms/store.h"
#include "web/appointment_json.h"
#include "web/case_gate.h"
#include "web/json_output.h"
#include "web/pages/form.h"
#include "web/pages/person_pages.h"
#include "web/pages/room_pages.h"

namespace probity::web::pages {

namespace {

using access::Action;
using access::Principal;
using appointments::Appointment;
using nlohmann::json;

// What a form's fields held, by name: shown again, as typed, after an error.
using Values = std::map<std::string, std::string>;

constexpr std::array<const char*, 10> kBookingFields = {
    "type",   "date",    "time",     "duration_minutes", "place",
    "office", "room_id", "location", "sentence_id",      "room_reason"};

// Where the error summary points for a refusal about the appointment as a whole (it was changed
// meanwhile, or it can no longer be changed this way): its summary at the top of the form.
constexpr std::string_view kAppointmentAnchor = "appointment-summary";

std::string AppointmentsUrl(const std::string& crn) { return "/people/" + crn + "/appointments"; }

std::string AppointmentUrl(const std::string& crn, int64_t id) {
  return AppointmentsUrl(crn) + "/" + std::to_string(id);
}

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

// "9:15am" of "23 November 2026 at 9:15am": the time of day, in UK time.
std::string TimeOfDay(UtcTime at) {
  const std::string text = LongDateTime(at);
  const auto split = text.rfind(" at ");
  return split == std::string::npos ? text : text.substr(split + 4);
}

// "1 hour 30 minutes"
std::string DurationText(int minutes) {
  const int hours = minutes / 60, rest = minutes % 60;
  std::string out;
  if (hours > 0) out = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
  if (rest > 0 || out.empty())
    out += (out.empty() ? "" : " ") + std::to_string(rest) + (rest == 1 ? " minute" : " minutes");
  return out;
}

std::string PlaceText(const appointments::Place& p) {
  if (p.location) return *p.location;
  return p.office_name + (p.room_name.empty() ? "" : ", " + p.room_name);
}

// "Community order: Theft (sentenced 1 March 2026)"
std::string SentenceText(const cases::Sentence& s) {
  return Label(cases::SentenceKinds(), s.kind) + ": " + s.offence + " (sentenced " +
         LongDate(s.sentence_date) + ")";
}

// The GOV.UK tag of an appointment's state: its words and colour.
std::pair<std::string, std::string> StateTag(const Appointment& a, std::string_view state) {
  if (state == "upcoming") return {"Upcoming", "govuk-tag--blue"};
  if (state == "awaiting_outcome") return {"Awaiting outcome", "govuk-tag--yellow"};
  if (state == "rearranged") return {"Rearranged", "govuk-tag--grey"};
  const auto* outcome = a.current_outcome();
  const std::string label = Label(appointments::Outcomes(), outcome->outcome);
  if (!appointments::IsFailure(outcome->outcome)) return {label, "govuk-tag--green"};
  return {label, outcome->judgement == "unacceptable" ? "govuk-tag--red" : "govuk-tag--orange"};
}

// "Judged acceptable: Illness or injury", or null when there is no judgement.
json JudgementText(const appointments::Outcome& o) {
  if (!o.judgement) return nullptr;
  std::string text = "Judged " + *o.judgement;
  if (o.judgement_reason)
    text += ": " + Label(appointments::AcceptableReasons(), *o.judgement_reason);
  return text;
}

json OutcomeView(const appointments::Outcome& o) {
  return {{"outcome", Label(appointments::Outcomes(), o.outcome)},
          {"judgement", JudgementText(o)},
          {"note", o.note.empty() ? json(nullptr) : json(o.note)},
          {"recorded_by", o.recorded_by_name},
          {"recorded_at", LongDateTime(o.recorded_at)},
          {"recorded_at_iso", FormatUtc(o.recorded_at)},
          {"amendment_reason", OrNull(o.amendment_reason)},
          {"instructed_by", OrNull(o.instructed_by_name)}};
}

// GOV.UK wording where a form can say better than the API's message what to do.
std::string Wording(const Error& e) {
  static constexpr struct {
    std::string_view code, field, message;
  } kWording[] = {
      {"missing_field", "judgement", "Select whether the absence was acceptable or unacceptable"},
      {"missing_field", "judgement_reason", "Select why the absence was acceptable"},
      {"required", "note", "Enter a note of what happened"},
      {"future_appointment", "outcome",
       "This appointment has not started yet: record its outcome once it has"},
      {"past_time", "starts_at",
       "Enter a date and time still to come: record what has already happened as a contact"},
      {"too_far_ahead", "starts_at", "Enter a date no more than two years ahead"},
      {"unknown_office", "office", "Select an office from the list"},
      {"unknown_room", "room_id", "Select a room in the office chosen, or no particular room"},
      {"unknown_user", "instructed_by", "Enter the username of the person who directed it"},
  };
  for (const auto& w : kWording)
    if (w.code == e.code && w.field == e.field) return std::string(w.message);
  return AsSentence(e.message);
}

// Refusals of the room booked that are about the time of day: beside the time, where the
// message's free times apply.
bool IsAboutTheTime(const Error& e) {
  return e.field == "starts_at" &&
         (e.code == "keep_apart" || e.code == "no_room_free" || e.code == "room_closed");
}

// A use case's refusal on the form: beside its field when the form has one ("starts_at" is the
// date, or the time when the rooms are taken or closed then), else in the summary pointing at
// `fallback`.
void AddRefusal(json& data, const Error& e, std::span<const char* const> fields,
                std::string_view fallback) {
  std::string field = IsAboutTheTime(e) ? "time" : e.field == "starts_at" ? "date" : e.field;
  const bool on_form =
      std::any_of(fields.begin(), fields.end(), [&](const char* f) { return f == field; });
  if (!on_form || field == "version") field = std::string(fallback);
  AddError(data, field, Wording(e));
}

// Refusals a form shows again with the errors (400, or 409 for a conflict); anything else (not
// found, forbidden, internal) is an error page.
bool IsFormRefusal(const Error& e) {
  return e.kind == ErrorKind::kInvalid || e.kind == ErrorKind::kConflict;
}
int StatusOf(const Error& e) { return e.kind == ErrorKind::kConflict ? 409 : 400; }

Values ValuesOf(const FormFields& form, std::span<const char* const> fields) {
  Values v;
  for (const char* field : fields) v[field] = FormValue(form, field);
  return v;
}

// Each value as the template shows it in its field.
void AddValues(json& data, const Values& v) {
  for (const auto& [field, value] : v) data[field] = value;
}

// A whole number typed in a field ("60"), or nullopt.
std::optional<int64_t> WholeNumber(std::string_view text) {
  text = Trimmed(text);
  int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 0)
    return std::nullopt;
  return n;
}

// The instant of the form's UK date and time, or nullopt with errors beside "date" or "time".
// A time the clocks skip, or one they repeat without saying which, gets ParseUkLocalTime's own
// explanation.
std::optional<UtcTime> StartOf(json& data, const Values& v) {
  const std::string date(Trimmed(v.at("date"))), time(Trimmed(v.at("time")));
  bool complete = true;
  if (date.empty()) {
    AddError(data, "date", "Enter the date of the appointment");
    complete = false;
  } else if (!ParseDate(date)) {
    AddError(data, "date", "Enter a real date as YYYY-MM-DD, such as 2026-11-24");
    complete = false;
  }
  if (time.empty()) {
    AddError(data, "time", "Enter the time of the appointment");
    complete = false;
  }
  if (!complete) return std::nullopt;
  auto at = ParseUkLocalTime(date + "T" + time, "time");
  if (!at) {
    AddError(data, "time",
             at.error().code == "invalid_time" ? "Enter the time as HH:MM in UK time, such as 14:30"
                                               : AsSentence(at.error().message));
    return std::nullopt;
  }
  return *at;
}

std::optional<int> DurationOf(json& data, const Values& v) {
  const auto& text = v.at("duration_minutes");
  const auto minutes = WholeNumber(text);
  if (Trimmed(text).empty()) {
    AddError(data, "duration_minutes", "Enter how long the appointment lasts, in minutes");
  } else if (!minutes || *minutes < appointments::kMinDurationMinutes ||
             *minutes > appointments::kMaxDurationMinutes) {
    AddError(data, "duration_minutes",
             "Enter a length from " + std::to_string(appointments::kMinDurationMinutes) + " to " +
                 std::to_string(appointments::kMaxDurationMinutes) + " minutes");
  } else {
    return static_cast<int>(*minutes);
  }
  return std::nullopt;
}

// Where the appointment is to be, as chosen on the form.
struct PlaceChoice {
  std::optional<std::string> office;
  std::optional<int64_t> room_id;
  std::optional<std::string> location;
  std::optional<std::string> room_reason;  // why an open-plan or public space, when given
};

// The form's place: "office" (an office and perhaps a room), "elsewhere" (a location) or, when
// rearranging, "same" (nothing changes). Only the fields revealed by the choice count.
std::optional<PlaceChoice> PlaceOf(json& data, const Values& v, bool may_keep) {
  const std::string& place = v.at("place");
  PlaceChoice out;
  if (const auto reason = Trimmed(v.at("room_reason")); !reason.empty())
    out.room_reason = std::string(reason);
  if (place == "same" && may_keep) return out;
  if (place == "office") {
    if (v.at("office").empty()) {
      AddError(data, "office", "Select the office");
      return std::nullopt;
    }
    out.office = v.at("office");
    if (!v.at("room_id").empty()) {
      out.room_id = WholeNumber(v.at("room_id"));
      if (!out.room_id) {
        AddError(data, "room_id", "Select a room from the list, or no particular room");
        return std::nullopt;
      }
    }
    return out;
  }
  if (place == "elsewhere") {
    if (Trimmed(v.at("location")).empty()) {
      AddError(data, "location", "Enter where the appointment is, such as the person's address");
      return std::nullopt;
    }
    out.location = v.at("location");
    return out;
  }
  AddError(data, "place", "Select where the appointment is");
  return std::nullopt;
}

// A select's or radios' choices from a vocabulary, the one in `chosen` marked; the first's id is
// the field's own, for the error summary's link.
json ChoicesOf(cases::Vocabulary vocabulary, const std::string& chosen) {
  json out = json::array();
  for (const auto& term : vocabulary)
    out.push_back({{"code", std::string(term.code)},
                   {"label", std::string(term.label)},
                   {"chosen", chosen == term.code},
                   {"first", out.empty()}});
  return out;
}

// The offices to choose from, with their rooms grouped under each, and which place is chosen.
void AddPlaceChoices(store::Transaction& tx, json& data, const Values& v) {
  auto offices = org::LoadOrganisation(tx).offices;
  std::sort(offices.begin(), offices.end(),
            [](const org::Office& a, const org::Office& b) { return a.name < b.name; });
  json list = json::array(), groups = json::array();
  for (const auto& office : offices) {
    list.push_back(
        {{"code", office.code}, {"name", office.name}, {"chosen", v.at("office") == office.code}});
    json rooms = json::array();
    for (const auto& room : rooms::LoadRooms(tx, office.id))
      rooms.push_back({{"id", room.id},
                       {"name", room.name},
                       {"chosen", v.at("room_id") == std::to_string(room.id)}});
    if (!rooms.empty())
      groups.push_back({{"office", office.name},
                        {"finder_url", RoomFinderUrl(office.code)},
                        {"rooms", std::move(rooms)}});
  }
  data["offices"] = std::move(list);
  data["has_rooms"] = !groups.empty();
  data["room_groups"] = std::move(groups);
  data["place_same"] = v.at("place") == "same";
  data["place_office"] = v.at("place") == "office";
  data["place_elsewhere"] = v.at("place") == "elsewhere";
}

// The values of a date and time fields showing `at` in UK time ("2026-11-24", "10:00").
void SetWhenValues(Values& v, UtcTime at) {
  const std::string local = FormatUkLocal(at);  // 2026-11-24T10:00+00:00
  v["date"] = local.substr(0, 10);
  v["time"] = local.substr(11, 5);
}

std::optional<cases::Person> FindPersonOf(const Site& site, const app::CaseRef& on) {
  auto tx = site.auth.db().BeginRead();
  return cases::FindPerson(tx, on.crn);
}

Error NoSuchPerson() { return Error::NotFound("not_found", "there is no such person"); }

Result<int64_t> AppointmentIdOf(const Request& request) {
  if (auto id = request.IdParam("id")) return *id;
  return Error{ErrorKind::kNotFound, "unknown_appointment",
               "there is no appointment " + std::string(request.Param("id")), "id"};
}

std::string FullName(const cases::Person& p) { return p.first_name + " " + p.last_name; }

// ---- The list ----

json FirstAppointmentView(const appointments::FirstAppointment& f,
                          const std::map<int64_t, cases::Sentence>& sentences,
                          const std::string& crn) {
  const auto it = sentences.find(f.sentence_id);
  static const std::map<std::string, std::pair<const char*, const char*>> kTags = {
      {"due", {"Due", "govuk-tag--blue"}},
      {"met", {"Met", "govuk-tag--green"}},
      {"missed", {"Missed", "govuk-tag--red"}}};
  const auto tag = kTags.count(f.status) ? kTags.at(f.status)
                                         : std::pair<const char*, const char*>{"Unknown", ""};
  return {{"sentence", it == sentences.end() ? "Sentence " + std::to_string(f.sentence_id)
                                             : SentenceText(it->second)},
          {"status_label", tag.first},
          {"status_class", tag.second},
          {"due_by", LongDate(FormatDate(f.due_by))},
          {"attended_on", f.attended_on ? json(LongDate(FormatDate(*f.attended_on))) : json()},
          {"appointment_url",
           f.appointment_id ? json(AppointmentUrl(crn, *f.appointment_id)) : json()}};
}

Result<Response> AppointmentsPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kReadCase);
  if (!on) return on.error();
  const auto now = site.auth.clock().Now();
  const auto all = app::ListAppointments(site.auth.db(), *on, now);
  std::optional<cases::Person> person;
  std::map<int64_t, cases::Sentence> sentences;
  {
    auto tx = site.auth.db().BeginRead();
    person = cases::FindPerson(tx, on->crn);
    if (person)
      for (auto& s : cases::LoadSentences(tx, person->id)) sentences.emplace(s.id, std::move(s));
  }
  if (!person) return NoSuchPerson();

  json upcoming = json::array(), past = json::array();
  for (const auto& a : all.items)
    (a.starts_at > now ? upcoming : past).push_back(AppointmentView(a, on->crn, now));
  std::reverse(past.begin(), past.end());  // the latest first
  json firsts = json::array();
  for (const auto& f : all.first_appointments)
    firsts.push_back(FirstAppointmentView(f, sentences, on->crn));

  json data = {{"header", PersonHeader(*person, "appointments")},
               {"has_upcoming", !upcoming.empty()},
               {"upcoming", std::move(upcoming)},
               {"has_past", !past.empty()},
               {"past", std::move(past)},
               {"has_first_appointments", !firsts.empty()},
               {"first_appointments", std::move(firsts)},
               {"rearranged_by_person", all.rearrangements.by_person},
               {"rearranged_by_service", all.rearrangements.by_service},
               {"book_url", AppointmentsUrl(on->crn) + "/new"}};
  if (auto booked = request.Query("booked")) {
    const auto id = WholeNumber(*booked);
    const auto it = std::find_if(all.items.begin(), all.items.end(),
                                 [&](const Appointment& a) { return id && a.id == *id; });
    if (it != all.items.end()) data["booked"] = AppointmentView(*it, on->crn, now);
  }
  return Page(site, &who, 200, FullName(*person) + ": appointments", "appointments",
              std::move(data));
}

// ---- Booking ----

Result<Response> BookingForm(const Site& site, const Principal& who, const app::CaseRef& on,
                             const Values& v, json data, int status) {
  json types = json::array();
  for (const auto& t : app::ListAppointmentTypes(site.auth.db()))
    if (t.active)
      types.push_back({{"code", t.code}, {"label", t.label}, {"chosen", v.at("type") == t.code}});
  auto tx = site.auth.db().BeginRead();
  const auto person = cases::FindPerson(tx, on.crn);
  if (!person) return NoSuchPerson();
  json sentences = json::array();
  for (const auto& s : cases::LoadSentences(tx, person->id))
    if (s.current())
      sentences.push_back({{"id", s.id},
                           {"label", SentenceText(s)},
                           {"chosen", v.at("sentence_id") == std::to_string(s.id)}});
  AddPlaceChoices(tx, data, v);
  AddValues(data, v);
  data["header"] = PersonHeader(*person, "appointments");
  data["types"] = std::move(types);
  data["has_sentences"] = !sentences.empty();
  data["sentences"] = std::move(sentences);
  data["action"] = AppointmentsUrl(on.crn) + "/new";
  return Page(site, &who, status, "Book an appointment for " + FullName(*person), "appointment_new",
              std::move(data));
}

Result<Response> BookingPage(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  Values v;
  for (const char* field : kBookingFields) v[field] = "";
  v["place"] = "office";
  return BookingForm(site, who, *on, v, {{"errors", json::array()}}, 200);
}

Result<Response> PostBooking(const Site& site, const Request& request, const Principal& who) {
  auto on = OpenCaseFor(site.auth, request, who, Action::kWriteCase);
  if (!on) return on.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  const Values v = ValuesOf(*form, kBookingFields);
  json data = {{"errors", json::array()}};
  appointments::NewAppointment in;
  in.type = v.at("type");
  if (in.type.empty()) AddError(data, "type", "Select the type of appointment");
  const auto starts = StartOf(data, v);
  const auto duration = DurationOf(data, v);
  const auto place = PlaceOf(data, v, /*may_keep=*/false);
  if (!v.at("sentence_id").empty()) {
    in.sentence_id = WholeNumber(v.at("sentence_id"));
    if (!in.sentence_id) AddError(data, "sentence_id", "Select a sentence from the list");
  }
  int status = 400;
  if (!HasErrors(data)) {
    in.starts_at = *starts;
    in.duration_minutes = *duration;
    in.office_code = place->office;
    in.room_id = place->room_id;
    in.location = place->location;
    in.room_reason = place->room_reason;
    auto booked =
        app::BookAppointment(site.auth.db(), ActorOf(who), *on, in, site.auth.clock().Now());
    if (booked) return SeeOther(AppointmentsUrl(on->crn) + "?booked=" + std::to_string(booked->id));
    if (!IsFormRefusal(booked.error())) return booked.error();
    AddRefusal(data, booked.error(), kBookingFields, "type");
    status = StatusOf(booked.error());
  }
  return BookingForm(site, who, *on, v, std::move(data), status);
}

// ---- One appointment ----

// The appointment a page is about, with its person for the header.
struct Subject {
  app::CaseRef on;
  cases::Person person;
  Appointment appointment;
};

Result<Subject> SubjectOf(const Site& site, const Request& request, const Principal& who,
                          Action action) {
  auto on = OpenCaseFor(site.auth, request, who, action);
  if (!on) return on.error();
  auto id = AppointmentIdOf(request);
  if (!id) return id.error();
  auto appointment = app::GetAppointment(site.auth.db(), *on, *id);
  if (!appointment) return appointment.error();
  auto person = FindPersonOf(site, *on);
  if (!person) return NoSuchPerson();
  return Subject{*on, std::move(*person), std::move(*appointment)};
}

// The success banner after a change (?rearranged=1, ?recorded=1, ?amended=1), or null.
json BannerOf(const Request& request) {
  if (request.Query("rearranged"))
    return "Appointment rearranged. This is the new appointment; the original is kept, linked "
           "below.";
  if (request.Query("recorded")) return "Outcome recorded.";
  if (request.Query("amended")) return "Outcome amended. The earlier record is kept below.";
  return nullptr;
}

Result<Response> AppointmentPage(const Site& site, const Request& request, const Principal& who) {
  auto s = SubjectOf(site, request, who, Action::kReadCase);
  if (!s) return s.error();
  const auto& a = s->appointment;
  const std::string& crn = s->on.crn;
  json view = AppointmentView(a, crn, site.auth.clock().Now());
  std::optional<cases::Sentence> sentence;
  if (a.sentence_id) {
    auto tx = site.auth.db().BeginRead();
    sentence = cases::FindSentence(tx, s->person.id, *a.sentence_id);
  }
  view["sentence"] = sentence ? json(SentenceText(*sentence)) : json();
  view["booked_by"] = a.booked_by_name;
  view["booked_at"] = LongDateTime(a.booked_at);
  view["requested_by"] = a.rearrange_requested_by
                             ? json(Label(appointments::Requesters(), *a.rearrange_requested_by))
                             : json();
  view["rearrange_reason"] = OrNull(a.rearrange_reason);
  json history = json::array();
  for (size_t i = 0; i < a.outcomes.size(); ++i) {
    json o = OutcomeView(a.outcomes[i]);
    o["title"] = i == 0 ? std::string("Outcome recorded") : "Amendment " + std::to_string(i);
    o["current"] = i + 1 == a.outcomes.size();
    history.push_back(std::move(o));
  }
  json data = {{"header", PersonHeader(s->person, "appointments")},
               {"appointment", std::move(view)},
               {"history", std::move(history)},
               {"amended", a.outcomes.size() > 1},
               {"banner", BannerOf(request)}};
  return Page(site, &who, 200, a.type_label + " on " + LongDateTime(a.starts_at), "appointment",
              std::move(data));
}

// ---- The forms that change one appointment ----

// A form that changes an appointment: its name (the last part of its path, and of its template's
// name, appointment_<name>), heading, fields (each with "version", the appointment's version the
// form was shown at), the query its page is shown with afterwards, and the choices it offers.
struct ChangeKind {
  std::string_view name;
  std::string_view heading;
  std::span<const char* const> fields;
  std::string_view done;
  void (*choices)(const Site& site, json& data, const Values& v);
};

// The form: the appointment's summary on top, the hidden version, and what was typed.
Response ChangeForm(const Site& site, const Principal& who, const Subject& s,
                    const ChangeKind& kind, const Values& v, json data, int status) {
  const std::string& crn = s.on.crn;
  kind.choices(site, data, v);
  AddValues(data, v);
  data["header"] = PersonHeader(s.person, "appointments");
  data["appointment"] = AppointmentView(s.appointment, crn, site.auth.clock().Now());
  data["heading"] = std::string(kind.heading);
  data["action"] = AppointmentUrl(crn, s.appointment.id) + "/" + std::string(kind.name);
  return Page(site, &who, status, std::string(kind.heading) + " for " + FullName(s.person),
              "appointment_" + std::string(kind.name), std::move(data));
}

// GET: the form, its fields as `prefill` sets them from the appointment.
Result<Response> ShowChangeForm(const Site& site, const Request& request, const Principal& who,
                                const ChangeKind& kind,
                                void (*prefill)(Values& v, const Appointment& a)) {
  auto s = SubjectOf(site, request, who, Action::kWriteCase);
  if (!s) return s.error();
  Values v;
  for (const char* field : kind.fields) v[field] = "";
  v["version"] = std::to_string(s->appointment.version);
  prefill(v, s->appointment);
  return ChangeForm(site, who, *s, kind, v, {{"errors", json::array()}}, 200);
}

// The version the form was shown at; 0 (never a version) when it is missing, which the use case
// refuses as stale.
int VersionOf(const Values& v) {
  const auto n = WholeNumber(v.at("version"));
  return n && *n <= 1'000'000'000 ? static_cast<int>(*n) : 0;
}

// What a change made of a form: nullopt when the form's own errors are in the page data; else
// the appointment to show afterwards, or the use case's refusal.
using Changed = std::optional<Result<int64_t>>;

// POST: `change(subject, values, data)` reads the form and makes the change. Done, to the
// appointment's page (303). Refused, the form again with the errors; when the appointment had
// changed meanwhile, shown as it now is with its new version, so that sending it again is a
// deliberate choice.
template <class Change>
Result<Response> PostChangeForm(const Site& site, const Request& request, const Principal& who,
                                const ChangeKind& kind, Change change) {
  auto s = SubjectOf(site, request, who, Action::kWriteCase);
  if (!s) return s.error();
  auto form = ParseFormBody(request);
  if (!form) return form.error();
  Values v = ValuesOf(*form, kind.fields);
  json data = {{"errors", json::array()}};
  const Changed done = change(*s, v, data);
  if (!done) return ChangeForm(site, who, *s, kind, v, std::move(data), 400);
  if (*done) return SeeOther(AppointmentUrl(s->on.crn, **done) + std::string(kind.done));
  const Error& e = done->error();
  if (!IsFormRefusal(e)) return e;
  AddRefusal(data, e, kind.fields, kAppointmentAnchor);
  if (e.code == "stale_version") {
    if (auto now = app::GetAppointment(site.auth.db(), s->on, s->appointment.id)) {
      s->appointment = std::move(*now);
      v["version"] = std::to_string(s->appointment.version);
    }
  }
  return ChangeForm(site, who, *s, kind, v, std::move(data), StatusOf(e));
}

// ---- Rearranging ----

constexpr std::array<const char*, 11> kRearrangeFields = {
    "version", "requested_by", "reason",  "date",     "time",       "duration_minutes",
    "place",   "office",       "room_id", "location", "room_reason"};

const ChangeKind kRearrange = {"rearrange", "Rearrange the appointment", kRearrangeFields,
                               "?rearranged=1", [](const Site& site, json& data, const Values& v) {
                                 data["requesters"] =
                                     ChoicesOf(appointments::Requesters(), v.at("requested_by"));
                                 data["rearranging"] = true;
                                 auto tx = site.auth.db().BeginRead();
                                 AddPlaceChoices(tx, data, v);
                               }};

Result<Response> RearrangePage(const Site& site, const Request& request, const Principal& who) {
  return ShowChangeForm(site, request, who, kRearrange, [](Values& v, const Appointment& a) {
    SetWhenValues(v, a.starts_at);
    v["duration_minutes"] = std::to_string(a.duration_minutes);
    v["place"] = "same";
  });
}

Result<Response> PostRearrangement(const Site& site, const Request& request, const Principal& who) {
  return PostChangeForm(
      site, request, who, kRearrange,
      [&](const Subject& s, const Values& v, json& data) -> Changed {
        appointments::Rearrangement change;
        change.requested_by = v.at("requested_by");
        change.reason = v.at("reason");
        if (change.requested_by.empty())
          AddError(data, "requested_by", "Select who asked for the appointment to be rearranged");
        if (Trimmed(change.reason).empty())
          AddError(data, "reason", "Enter why the appointment is being rearranged");
        const auto starts = StartOf(data, v);
        const auto duration = DurationOf(data, v);
        const auto place = PlaceOf(data, v, /*may_keep=*/true);
        if (HasErrors(data)) return std::nullopt;
        change.starts_at = *starts;
        change.duration_minutes = *duration;
        change.office_code = place->office;
        change.room_id = place->room_id;
        change.location = place->location;
        change.room_reason = place->room_reason;
        auto moved = app::RearrangeAppointment(site.auth.db(), ActorOf(who), s.on, s.appointment.id,
                                               change, VersionOf(v), site.auth.clock().Now());
        if (!moved) return Result<int64_t>(moved.error());
        return Result<int64_t>(moved->replacement.id);
      });
}

// ---- Outcomes ----

constexpr std::array<const char*, 5> kOutcomeFields = {"version", "outcome", "judgement",
                                                       "judgement_reason", "note"};
constexpr std::array<const char*, 7> kAmendFields = {
    "version", "outcome", "judgement", "judgement_reason", "note", "reason", "instructed_by"};

void AddOutcomeChoices(const Site&, json& data, const Values& v) {
  data["outcomes"] = ChoicesOf(appointments::Outcomes(), v.at("outcome"));
  data["judgement_acceptable"] = v.at("judgement") == "acceptable";
  data["judgement_unacceptable"] = v.at("judgement") == "unacceptable";
  data["reasons"] = ChoicesOf(appointments::AcceptableReasons(), v.at("judgement_reason"));
}

const ChangeKind kRecord = {"outcome", "Record the outcome", kOutcomeFields, "?recorded=1",
                            AddOutcomeChoices};
const ChangeKind kAmend = {"amend", "Amend the outcome", kAmendFields, "?amended=1",
                           AddOutcomeChoices};

// The outcome as the form gives it. The reason for an acceptable absence is revealed under that
// choice alone, so it counts only with it.
appointments::OutcomeInput OutcomeOf(json& data, const Values& v) {
  appointments::OutcomeInput in;
  in.outcome = v.at("outcome");
  if (in.outcome.empty()) AddError(data, "outcome", "Select what happened at the appointment");
  if (!v.at("judgement").empty()) in.judgement = v.at("judgement");
  if (in.judgement == "acceptable" && !v.at("judgement_reason").empty())
    in.judgement_reason = v.at("judgement_reason");
  in.note = v.at("note");
  return in;
}

// What a use case made of an outcome: the appointment's id, or its refusal.
Changed IdOf(const Result<Appointment>& a) {
  if (!a) return Result<int64_t>(a.error());
  return Result<int64_t>(a->id);
}

Result<Response> OutcomePage(const Site& site, const Request& request, const Principal& who) {
  return ShowChangeForm(site, request, who, kRecord, [](Values&, const Appointment&) {});
}

Result<Response> PostOutcome(const Site& site, const Request& request, const Principal& who) {
  return PostChangeForm(
      site, request, who, kRecord, [&](const Subject& s, const Values& v, json& data) -> Changed {
        const auto in = OutcomeOf(data, v);
        if (HasErrors(data)) return std::nullopt;
        return IdOf(app::RecordOutcome(site.auth.db(), ActorOf(who), s.on, s.appointment.id, in,
                                       VersionOf(v), site.auth.clock().Now()));
      });
}

Result<Response> AmendPage(const Site& site, const Request& request, const Principal& who) {
  return ShowChangeForm(site, request, who, kAmend, [](Values& v, const Appointment& a) {
    if (const auto* current = a.current_outcome()) {
      v["outcome"] = current->outcome;
      v["judgement"] = current->judgement.value_or("");
      v["judgement_reason"] = current->judgement_reason.value_or("");
      v["note"] = current->note;
    }
  });
}

Result<Response> PostAmendment(const Site& site, const Request& request, const Principal& who) {
  return PostChangeForm(
      site, request, who, kAmend, [&](const Subject& s, const Values& v, json& data) -> Changed {
        const auto in = OutcomeOf(data, v);
        if (Trimmed(v.at("reason")).empty())
          AddError(data, "reason", "Enter why the outcome is being amended");
        if (HasErrors(data)) return std::nullopt;
        const std::string instructed(Trimmed(v.at("instructed_by")));
        return IdOf(app::AmendOutcome(
            site.auth.db(), ActorOf(who), s.on, s.appointment.id, in, v.at("reason"),
            instructed.empty() ? std::nullopt : std::optional<std::string>(instructed),
            VersionOf(v), site.auth.clock().Now()));
      });
}

}  // namespace

json AppointmentView(const Appointment& a, const std::string& crn, UtcTime now) {
  const std::string state = AppointmentState(a, now);
  const auto [tag, tag_class] = StateTag(a, state);
  const std::string url = AppointmentUrl(crn, a.id);
  const auto* outcome = a.current_outcome();
  return {
      {"id", a.id},
      {"url", url},
      {"type", a.type_label},
      {"enforceable", a.enforceable},
      {"when", LongDateTime(a.starts_at)},
      {"when_iso", FormatUtc(a.starts_at)},
      {"time", TimeOfDay(a.starts_at)},
      {"duration", DurationText(a.duration_minutes)},
      {"place", PlaceText(a.place)},
      {"open_space", a.place.open_space},
      {"room_reason", a.place.open_space ? a.place.room_reason.value_or("") : ""},
      {"with", a.staff_name},
      {"state", state},
      {"state_label", tag},
      {"state_class", tag_class},
      {"upcoming", state == "upcoming"},
      {"awaiting", state == "awaiting_outcome"},
      {"recorded", state == "outcome_recorded"},
      {"rearranged", state == "rearranged"},
      {"outcome_url", state == "awaiting_outcome" ? json(url + "/outcome") : json()},
      {"outcome", outcome ? OutcomeView(*outcome) : json()},
      {"rearranged_to_url", a.rearranged_to ? json(AppointmentUrl(crn, *a.rearranged_to)) : json()},
      {"rearranged_from_url",
       a.rearranged_from ? json(AppointmentUrl(crn, *a.rearranged_from)) : json()}};
}

json AppointmentsAtAGlance(std::span<const Appointment> all, const std::string& crn, UtcTime now) {
  json awaiting = json::array();
  const Appointment* next = nullptr;
  for (const auto& a : all) {
    const std::string_view state = AppointmentState(a, now);
    if (state == "awaiting_outcome") awaiting.push_back(AppointmentView(a, crn, now));
    if (state == "upcoming" && (!next || a.starts_at < next->starts_at)) next = &a;
  }
  return {{"has_awaiting", !awaiting.empty()},
          {"awaiting", std::move(awaiting)},
          {"next", next ? AppointmentView(*next, crn, now) : json()}};
}

void AddAppointmentPages(Router& router, const Site& site) {
  const PageRoute kPages[] = {
      {"GET", "/people/{crn}/appointments", AppointmentsPage,
       "A person's appointments: to come, then past; first appointments against national "
       "standards; rearrangements by who asked"},
      {"GET", "/people/{crn}/appointments/new", BookingPage, "The form to book an appointment"},
      {"POST", "/people/{crn}/appointments/new", PostBooking, "Book an appointment"},
      {"GET", "/people/{crn}/appointments/{id}", AppointmentPage,
       "One appointment: where and when, its outcome and every amendment of it"},
      {"GET", "/people/{crn}/appointments/{id}/rearrange", RearrangePage,
       "The form to rearrange an appointment before it starts"},
      {"POST", "/people/{crn}/appointments/{id}/rearrange", PostRearrangement,
       "Rearrange an appointment: the original stays, linked to its replacement"},
      {"GET", "/people/{crn}/appointments/{id}/outcome", OutcomePage,
       "The form to record what happened at an appointment"},
      {"POST", "/people/{crn}/appointments/{id}/outcome", PostOutcome,
       "Record an appointment's outcome"},
      {"GET", "/people/{crn}/appointments/{id}/amend", AmendPage,
       "The form to amend a recorded outcome"},
      {"POST", "/people/{crn}/appointments/{id}/amend", PostAmendment,
       "Amend an outcome: a new record with why and on whose instruction"},
  };
  AddSignedInPages(router, site, kPages);
}

}  // namespace probity::web::pages
