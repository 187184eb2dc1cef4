#include "gen/writer.h"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <map>
#include <nlohmann/json.hpp>

#include "appointments/store.h"
#include "appointments/vocabulary.h"
#include "cases/vocabulary.h"
#include "core/uk_time.h"
#include "store/bulk_copy.h"
#include "store/event_batch.h"
#include "store/rows.h"

namespace probity::gen {

namespace {
using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;

const store::Actor kGenerator{"system:gen-data", std::nullopt};

// Who acted, and their name as timeline rows keep it.
struct Author {
  store::Actor actor;
  std::string name;
};
const Author kTiering{{"system:tiering", std::nullopt}, "System"};

// The appointment types the generator books (gen/generator.h), from migration 0008.
constexpr std::string_view kAppointmentTypes[] = {"initial",    "supervision", "home_visit",
                                                  "phone_call", "video_call",  "unpaid_work"};

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

std::string Months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

// At most 80 bytes on one line, as the sentence use cases clip a description for the timeline.
std::string Clip(const std::string& text) {
  if (text.size() <= 80) return text;
  size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

int64_t CountCharacters(std::string_view utf8) {
  int64_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

// The organisation's ids and the actors and names of its staff, once written.
struct OrgIds {
  std::vector<int64_t> team;
  std::vector<int64_t> office;  // one per PDU, in GenOrg::offices order
  std::vector<int64_t> staff;
  std::vector<Author> author;  // "staff:<id>" and the name
};

// Next ids, read under the batch's write lock and counted up as rows are written.
struct Ids {
  int64_t person, address, need, registration, conviction, sentence, requirement, condition,
      allocation, contact, appointment, outcome;
};

// The appointment types as the database holds them (label and enforceability by code).
using AppointmentTypes = std::map<std::string, appointments::AppointmentType, std::less<>>;

// Tables written for people, in the order PostgreSQL must receive them (parents first).
struct PeopleTables {
  store::BulkInsert person, address, conviction, sentence, requirement, condition, registration,
      need, allocation, contact, appointment, outcome;
  explicit PeopleTables(store::Transaction& tx)
      : person(tx, "person",
               {"id", "crn", "first_name", "last_name", "date_of_birth", "gender", "phone", "email",
                "team_id", "officer_staff_id", "iom", "limited", "tier", "created_at", "version"}),
        address(tx, "person_address",
                {"id", "person_id", "status", "line1", "line2", "town", "postcode", "start_date",
                 "end_date", "added_by", "added_at"}),
        conviction(tx, "conviction",
                   {"id", "person_id", "conviction_date", "offence_group", "offence", "added_by",
                    "added_at"}),
        sentence(tx, "sentence",
                 {"id", "person_id", "kind", "court", "offence", "offence_group", "sentence_date",
                  "length_months", "expected_end", "release_date", "licence_end", "status",
                  "terminated_on", "termination_reason", "added_by", "added_at", "version"}),
        requirement(
            tx, "requirement",
            {"id", "sentence_id", "person_id", "type", "amount", "unit", "progress", "status",
             "start_date", "end_date", "end_reason", "added_by", "added_at", "version"}),
        condition(tx, "licence_condition",
                  {"id", "sentence_id", "person_id", "type", "description", "start_date",
                   "end_date", "added_by", "added_at", "version"}),
        registration(
            tx, "registration",
            {"id", "person_id", "type", "level", "category", "notes", "start_date", "end_date",
             "end_reason", "added_by", "added_by_name", "added_at", "ended_by", "version"}),
        need(tx, "person_need",
             {"id", "person_id", "need", "severity", "assessed_on", "added_by", "added_at"}),
        allocation(tx, "allocation",
                   {"id", "person_id", "team_id", "staff_id", "from_at", "allocated_by", "reason"}),
        contact(tx, "contact",
                {"id", "person_id", "type", "at", "author", "author_name", "note", "sentence_id",
                 "system", "event_seq", "recorded_at"}),
        appointment(tx, "appointment",
                    {"id",
                     "person_id",
                     "sentence_id",
                     "requirement_id",
                     "type",
                     "enforceable",
                     "starts_at",
                     "ends_at",
                     "duration_minutes",
                     "office_id",
                     "room_id",
                     "location",
                     "staff_id",
                     "status",
                     "rearranged_from",
                     "rearranged_to",
                     "rearrange_requested_by",
                     "rearrange_reason",
                     "outcome",
                     "judgement",
                     "outcome_id",
                     "booked_by",
                     "booked_at",
                     "version"}),
        outcome(tx, "appointment_outcome",
                {"id", "appointment_id", "person_id", "outcome", "judgement", "judgement_reason",
                 "note", "recorded_by", "recorded_at", "amendment_reason", "instructed_by",
                 "event_seq"}) {}

  std::vector<store::BulkInsert*> All() {
    return {&person,       &address, &conviction, &sentence, &requirement, &condition,
            &registration, &need,    &allocation, &contact,  &appointment, &outcome};
  }
};

constexpr const char* kIdTables[] = {"person",       "person_address",    "person_need",
                                     "registration", "conviction",        "sentence",
                                     "requirement",  "licence_condition", "allocation",
                                     "contact",      "appointment",       "appointment_outcome"};

Ids ReadIds(store::Transaction& tx) {
  Ids ids{};
  int64_t* slots[] = {&ids.person,     &ids.address,  &ids.need,        &ids.registration,
                      &ids.conviction, &ids.sentence, &ids.requirement, &ids.condition,
                      &ids.allocation, &ids.contact,  &ids.appointment, &ids.outcome};
  for (size_t i = 0; i < std::size(kIdTables); ++i) *slots[i] = store::MaxId(tx, kIdTables[i]);
  return ids;
}

// Writes one person's history: state rows, events and timeline entries, as the use cases do.
class PersonWriter {
 public:
  PersonWriter(const GenOrg& org, const OrgIds& org_ids, const AppointmentTypes& types,
               PeopleTables& tables, store::EventBatch& events, Ids& ids, LoadReport& report)
      : org_(org),
        org_ids_(org_ids),
        types_(types),
        t_(tables),
        events_(events),
        ids_(ids),
        report_(report) {}

  void Write(const GenPerson& p) {
    crn_ = p.details.crn;
    person_id_ = ++ids_.person;
    const GenTeam& team = org_.teams[p.team];
    const std::string& team_code = team.team.code;
    const Author& admin = Who(p.registered_by);
    const int holder = p.officer ? *p.officer : team.manager;
    const Author& officer = Who(holder);
    const cases::NewPerson& d = p.details;

    t_.person.Int(person_id_)
        .Text(d.crn)
        .Text(d.first_name)
        .Text(d.last_name)
        .Text(d.date_of_birth)
        .Text(d.gender)
        .Text(d.phone)
        .Text(d.email)
        .Int(org_ids_.team[p.team])
        .Int(p.officer ? std::optional<int64_t>(org_ids_.staff[*p.officer]) : std::nullopt)
        .Int(d.iom ? 1 : 0)
        .Int(0)
        .Text(p.tier)
        .Text(FormatUtc(p.registered_at))
        .Int(1)
        .EndRow();
    ++report_.people;
    Event(admin, "person.registered",
          {{"id", person_id_},
           {"crn", d.crn},
           {"first_name", d.first_name},
           {"last_name", d.last_name},
           {"date_of_birth", d.date_of_birth},
           {"gender", d.gender},
           {"phone", OrNull(d.phone)},
           {"email", OrNull(d.email)},
           {"team_code", team_code},
           {"iom", d.iom}},
          "Registered in team " + team_code + ", awaiting allocation", std::nullopt,
          p.registered_at);

    UtcTime at = p.registered_at + minutes{5};
    const cases::Address& a = p.address;
    const int64_t address_id = ++ids_.address;
    t_.address.Int(address_id)
        .Int(person_id_)
        .Text(a.status)
        .Text(a.line1)
        .Text(a.line2)
        .Text(a.town)
        .Text(a.postcode)
        .Text(a.start_date)
        .Null()
        .Text(admin.actor.id)
        .Text(FormatUtc(at))
        .EndRow();
    ++report_.addresses;
    Event(admin, "address.added",
          {{"id", address_id},
           {"status", a.status},
           {"line1", a.line1},
           {"line2", OrNull(a.line2)},
           {"town", a.town},
           {"postcode", a.postcode},
           {"start_date", a.start_date}},
          Label(cases::AddressStatuses(), a.status) + " added: " + a.line1 + ", " + a.town,
          std::nullopt, at);

    for (const auto& c : p.convictions) {
      at += minutes{1};
      const int64_t id = ++ids_.conviction;
      t_.conviction.Int(id)
          .Int(person_id_)
          .Text(c.conviction_date)
          .Text(c.offence_group)
          .Text(c.offence)
          .Text(admin.actor.id)
          .Text(FormatUtc(at))
          .EndRow();
      ++report_.convictions;
      Event(admin, "conviction.added",
            {{"id", id},
             {"conviction_date", c.conviction_date},
             {"offence_group", c.offence_group},
             {"offence", OrNull(c.offence)}},
            "Previous conviction added: " + Label(cases::OffenceGroups(), c.offence_group) +
                " on " + c.conviction_date,
            std::nullopt, at);
    }

    int64_t current_sentence = 0;
    for (const auto& g : p.sentences) current_sentence = WriteSentence(g, admin, officer);

    for (const auto& r : p.registrations) {
      const int64_t id = ++ids_.registration;
      const std::string added_at = FormatUtc(r.added_at);
      t_.registration.Int(id)
          .Int(person_id_)
          .Text(r.type)
          .Text(r.level)
          .Text(r.category)
          .Text(r.notes)
          .Text(r.start_date)
          .Null()
          .Null()
          .Text(officer.actor.id)
          .Text(officer.name)
          .Text(added_at)
          .Null()
          .Int(1)
          .EndRow();
      ++report_.registrations;
      std::string summary = "Registration added: " + Label(cases::RegistrationTypes(), r.type);
      if (r.level)
        summary += r.type == "mappa" ? " level " + *r.level + " category " + r.category.value_or("")
                                     : " " + Label(cases::RoshLevels(), *r.level);
      Event(officer, "registration.added",
            {{"id", id},
             {"type", r.type},
             {"level", OrNull(r.level)},
             {"category", OrNull(r.category)},
             {"notes", OrNull(r.notes)},
             {"start_date", r.start_date}},
            summary, std::nullopt, r.added_at);
    }

    if (!p.needs.empty()) {
      json items = json::array();
      const std::string added_at = FormatUtc(p.assessed_at);
      for (const auto& n : p.needs) {
        const int64_t id = ++ids_.need;
        t_.need.Int(id)
            .Int(person_id_)
            .Text(n.need)
            .Text(n.severity)
            .Text(n.assessed_on)
            .Text(officer.actor.id)
            .Text(added_at)
            .EndRow();
        ++report_.needs;
        items.push_back({{"id", id}, {"need", n.need}, {"severity", n.severity}});
      }
      Event(officer, "needs.assessed",
            {{"assessed_on", p.needs.front().assessed_on}, {"needs", items}},
            "Needs assessed (" + std::to_string(p.needs.size()) + " areas)", std::nullopt,
            p.assessed_at);
    }

    Event(kTiering, "tier.calculated", {{"tier", p.tier}}, "Tier calculated: " + p.tier,
          std::nullopt, p.tiered_at);

    if (p.officer) {
      const int64_t id = ++ids_.allocation;
      const Author& manager = Who(team.manager);
      const std::string reason = "New case";
      t_.allocation.Int(id)
          .Int(person_id_)
          .Int(org_ids_.team[p.team])
          .Int(org_ids_.staff[*p.officer])
          .Text(FormatUtc(p.allocated_at))
          .Text(manager.actor.id)
          .Text(reason)
          .EndRow();
      ++report_.allocations;
      Event(manager, "case.allocated",
            {{"id", id},
             {"team_code", team_code},
             {"officer_staff_id", org_ids_.staff[*p.officer]},
             {"officer_username", nullptr},
             {"reason", reason}},
            "Allocated to " + Who(*p.officer).name + " (" + team_code + "): " + reason,
            std::nullopt, p.allocated_at);
    }

    for (const auto& c : p.contacts) {
      const int64_t id = ++ids_.contact;
      const Author& author = Who(c.author);
      const std::string at_text = FormatUtc(c.at);
      const auto& row = events_.Append(author.actor, crn_, "contact.recorded",
                                       {{"id", id},
                                        {"type", c.type},
                                        {"at", at_text},
                                        {"note", c.note},
                                        {"note_length", CountCharacters(c.note)},
                                        {"sentence_id", current_sentence}},
                                       c.recorded_at);
      t_.contact.Int(id)
          .Int(person_id_)
          .Text(c.type)
          .Text(at_text)
          .Text(author.actor.id)
          .Text(author.name)
          .Text(c.note)
          .Int(current_sentence)
          .Int(0)
          .Int(row.seq)
          .Text(FormatUtc(c.recorded_at))
          .EndRow();
      ++report_.contacts;
    }

    WriteAppointments(p, current_sentence);
  }

 private:
  const Author& Who(int staff) const { return org_ids_.author[staff]; }

  // The event and its system timeline entry, as app::RecordCaseEvent writes them.
  // Returns the event's seq.
  int64_t Event(const Author& by, const char* kind, const json& payload, const std::string& summary,
                std::optional<int64_t> sentence_id, UtcTime at) {
    const auto& row = events_.Append(by.actor, crn_, kind, payload, at);
    const std::string when = FormatUtc(at);
    t_.contact.Int(++ids_.contact)
        .Int(person_id_)
        .Text(std::string_view(kind))
        .Text(when)
        .Text(by.actor.id)
        .Text(by.name)
        .Text(summary)
        .Int(sentence_id)
        .Int(1)
        .Int(row.seq)
        .Text(when)
        .EndRow();
    ++report_.system_entries;
    return row.seq;
  }

  int64_t WriteSentence(const GenSentence& g, const Author& admin, const Author& officer) {
    const cases::Sentence& s = g.sentence;
    const int64_t id = ++ids_.sentence;
    t_.sentence.Int(id)
        .Int(person_id_)
        .Text(s.kind)
        .Text(s.court)
        .Text(s.offence)
        .Text(s.offence_group)
        .Text(s.sentence_date)
        .Int(int64_t{s.length_months})
        .Text(s.expected_end)
        .Text(s.release_date)
        .Text(s.licence_end)
        .Text(s.status)
        .Text(s.terminated_on)
        .Text(s.termination_reason)
        .Text(admin.actor.id)
        .Text(FormatUtc(g.added_at))
        .Int(int64_t{s.version})
        .EndRow();
    ++report_.sentences;
    std::string summary = Label(cases::SentenceKinds(), s.kind) +
                          " added: " + Months(s.length_months) + ", " + s.court;
    if (s.release_date) summary += ", released " + *s.release_date;
    Event(admin, "sentence.added",
          {{"id", id},
           {"kind", s.kind},
           {"court", s.court},
           {"offence", s.offence},
           {"offence_group", s.offence_group},
           {"sentence_date", s.sentence_date},
           {"length_months", s.length_months},
           {"expected_end", s.expected_end},
           {"release_date", OrNull(s.release_date)},
           {"licence_end", OrNull(s.licence_end)}},
          summary, id, g.added_at);

    UtcTime at = g.added_at;
    std::vector<int64_t>& requirement_ids = requirement_ids_;
    requirement_ids.clear();
    for (const auto& r : g.requirements) {
      at += minutes{1};
      const int64_t rid = ++ids_.requirement;
      requirement_ids.push_back(rid);
      t_.requirement.Int(rid)
          .Int(id)
          .Int(person_id_)
          .Text(r.type)
          .Int(int64_t{r.amount})
          .Text(r.unit)
          .Int(int64_t{r.progress})
          .Text(r.status)
          .Text(r.start_date)
          .Text(r.end_date)
          .Text(r.end_reason)
          .Text(admin.actor.id)
          .Text(FormatUtc(at))
          .Int(int64_t{r.version})
          .EndRow();
      ++report_.requirements;
      Event(admin, "requirement.added",
            {{"id", rid},
             {"sentence_id", id},
             {"type", r.type},
             {"amount", r.amount},
             {"unit", r.unit},
             {"start_date", r.start_date}},
            "Requirement added: " + Label(cases::RequirementTypes(), r.type) + ", " +
                std::to_string(r.amount) + " " + r.unit,
            id, at);
    }
    for (const auto& c : g.conditions) {
      at += minutes{1};
      const int64_t cid = ++ids_.condition;
      t_.condition.Int(cid)
          .Int(id)
          .Int(person_id_)
          .Text(c.type)
          .Text(c.description)
          .Text(c.start_date)
          .Text(c.end_date)
          .Text(admin.actor.id)
          .Text(FormatUtc(at))
          .Int(int64_t{c.version})
          .EndRow();
      ++report_.licence_conditions;
      Event(admin, "licence_condition.added",
            {{"id", cid},
             {"sentence_id", id},
             {"type", c.type},
             {"description", c.description},
             {"start_date", c.start_date}},
            "Licence condition added: " + Label(cases::LicenceConditionTypes(), c.type) + ": " +
                Clip(c.description),
            id, at);
    }
    if (!g.terminated_at) return id;

    // An earlier sentence: its requirements completed, then the sentence ended; or it was
    // revoked and its requirements ended with it.
    UtcTime end = *g.terminated_at;
    const bool completed = s.termination_reason == "completed";
    if (completed) {
      for (size_t i = 0; i < g.requirements.size(); ++i) {
        const auto& r = g.requirements[i];
        const UtcTime when = end - minutes{static_cast<int>(g.requirements.size() - i)};
        Event(officer, "requirement.progressed",
              {{"id", requirement_ids[i]},
               {"sentence_id", id},
               {"type", r.type},
               {"from", 0},
               {"progress", r.progress},
               {"amount", r.amount},
               {"unit", r.unit},
               {"status", r.status},
               {"end_date", OrNull(r.end_date)},
               {"version", r.version}},
              "Requirement progress: " + Label(cases::RequirementTypes(), r.type) + ", " +
                  std::to_string(r.progress) + " of " + std::to_string(r.amount) + " " + r.unit +
                  " (completed)",
              id, when);
      }
    }
    Event(officer, "sentence.terminated",
          {{"id", id},
           {"kind", s.kind},
           {"terminated_on", *s.terminated_on},
           {"reason", *s.termination_reason},
           {"version", s.version}},
          Label(cases::SentenceKinds(), s.kind) + " terminated on " + *s.terminated_on + ": " +
              Label(cases::TerminationReasons(), *s.termination_reason),
          id, end);
    if (!completed) {
      for (size_t i = 0; i < g.requirements.size(); ++i) {
        const auto& r = g.requirements[i];
        const std::string reason = r.end_reason.value_or("");
        Event(officer, "requirement.ended",
              {{"id", requirement_ids[i]},
               {"sentence_id", id},
               {"type", r.type},
               {"end_date", OrNull(r.end_date)},
               {"reason", reason},
               {"status", r.status},
               {"progress", r.progress},
               {"version", r.version}},
              "Requirement ended: " + Label(cases::RequirementTypes(), r.type) + ", " +
                  std::to_string(r.progress) + " of " + std::to_string(r.amount) + " " + r.unit +
                  " done (" + Label(cases::RequirementEndReasons(), reason) + ")",
              id, end);
      }
    }
    return id;
  }

  // "Supervision appointment on 24 November 2026 at 10am", as app/appointments.cc describes one.
  std::string Describe(const GenAppointment& a) const {
    return types_.at(a.type).label + " on " + LongDateTime(a.starts_at);
  }

  // "Failed to attend, acceptable (Illness or injury)"
  static std::string DescribeOutcome(const GenOutcome& o) {
    std::string out = Label(appointments::Outcomes(), o.outcome);
    if (o.judgement) {
      out += ", " + *o.judgement;
      if (o.judgement_reason)
        out += " (" + Label(appointments::AcceptableReasons(), *o.judgement_reason) + ")";
    }
    return out;
  }

  // The current sentence's appointments as the use cases of app/appointments.cc write them: each
  // booking, rearrangement, outcome and amendment in time order with its event (the FROZEN kinds
  // and fields documented there) and timeline entry (none for a replacement's booking, as in
  // RearrangeAppointment); then each appointment's row as it now stands (but for rearranged_to:
  // see LinkRearrangements), and the outcome rows.
  void WriteAppointments(const GenPerson& p, int64_t sentence_id) {
    const auto& list = p.appointments;
    if (list.empty()) return;
    const size_t pdu = static_cast<size_t>(org_.teams[p.team].pdu);
    const org::Office& office = org_.offices[pdu];
    const int64_t office_id = org_ids_.office[pdu];
    const int64_t first_id = ids_.appointment + 1;
    ids_.appointment += static_cast<int64_t>(list.size());
    auto id_of = [&](size_t i) { return first_id + static_cast<int64_t>(i); };
    auto requirement_of = [&](const GenAppointment& a) {
      return a.requirement ? std::optional<int64_t>(requirement_ids_.at(*a.requirement))
                           : std::nullopt;
    };
    auto booked = [&](size_t i) {
      const GenAppointment& a = list[i];
      const auto requirement = requirement_of(a);
      return json{
          {"id", id_of(i)},
          {"type", a.type},
          {"enforceable", types_.at(a.type).enforceable},
          {"starts_at", FormatUtc(a.starts_at)},
          {"duration_minutes", a.duration_minutes},
          {"office", a.location ? json(nullptr) : json(office.code)},
          {"room_id", nullptr},
          {"location", OrNull(a.location)},
          {"staff_id", org_ids_.staff[a.staff]},
          {"sentence_id", sentence_id},
          {"requirement_id", requirement ? json(*requirement) : json(nullptr)},
          {"rearranged_from", a.rearranged_from ? json(id_of(*a.rearranged_from)) : json(nullptr)},
          // Generated offices have no rooms recorded: no room, so never an open space.
          {"open_space", false},
          {"room_reason", nullptr}};
    };
    auto outcome_payload = [&](size_t i, const GenOutcome& o, int version) {
      const GenAppointment& a = list[i];
      return json{{"id", id_of(i)},
                  {"outcome", o.outcome},
                  {"judgement", OrNull(o.judgement)},
                  {"judgement_reason", OrNull(o.judgement_reason)},
                  {"note", o.note},
                  {"type", a.type},
                  {"enforceable", types_.at(a.type).enforceable},
                  {"starts_at", FormatUtc(a.starts_at)},
                  {"sentence_id", sentence_id},
                  {"version", version}};
    };

    enum class Step { kBook, kRearrange, kOutcome };
    struct Action {
      UtcTime at;
      Step step;
      size_t appointment;
      size_t outcome;
    };
    std::vector<Action> actions;
    for (size_t i = 0; i < list.size(); ++i) {
      const GenAppointment& a = list[i];
      if (!a.rearranged_from) actions.push_back({a.booked_at, Step::kBook, i, 0});
      if (a.rearranged_to) actions.push_back({a.rearranged_at, Step::kRearrange, i, 0});
      for (size_t k = 0; k < a.outcomes.size(); ++k)
        actions.push_back({a.outcomes[k].recorded_at, Step::kOutcome, i, k});
    }
    std::stable_sort(actions.begin(), actions.end(),
                     [](const Action& x, const Action& y) { return x.at < y.at; });

    struct OutcomeRow {
      int64_t id, seq;
      size_t appointment, outcome;
    };
    std::vector<OutcomeRow> outcome_rows;
    std::vector<int64_t> current_outcome(list.size(), 0);
    for (const Action& step : actions) {
      const size_t i = step.appointment;
      const GenAppointment& a = list[i];
      switch (step.step) {
        case Step::kBook: {
          const Author& by = Who(a.booked_by);
          Event(by, "appointment.booked", booked(i),
                "Appointment booked: " + Describe(a) + ", " +
                    (a.location ? *a.location : office.name) + ", with " + Who(a.staff).name,
                sentence_id, a.booked_at);
          break;
        }
        case Step::kRearrange: {
          const Author& by = Who(a.rearranged_by);
          const size_t next = static_cast<size_t>(*a.rearranged_to);
          const GenAppointment& replacement = list[next];
          const std::string& requested_by = *a.rearrange_requested_by;
          Event(by, "appointment.rearranged",
                {{"id", id_of(i)},
                 {"replacement_id", id_of(next)},
                 {"requested_by", requested_by},
                 {"reason", *a.rearrange_reason},
                 {"starts_at", FormatUtc(a.starts_at)},
                 {"new_starts_at", FormatUtc(replacement.starts_at)},
                 {"version", 2}},
                "Appointment rearranged " +
                    std::string(requested_by == "person" ? "at the person's request"
                                                         : "by the service") +
                    ": " + Describe(a) + " moved to " + LongDateTime(replacement.starts_at) +
                    ". Reason: " + *a.rearrange_reason,
                sentence_id, a.rearranged_at);
          events_.Append(by.actor, crn_, "appointment.booked", booked(next), a.rearranged_at);
          break;
        }
        case Step::kOutcome: {
          const size_t k = step.outcome;
          const GenOutcome& o = a.outcomes[k];
          const int version = static_cast<int>(k) + 2;  // booked at 1; an outcome adds one
          int64_t seq = 0;
          if (k == 0) {
            seq = Event(Who(o.recorded_by), "appointment.outcome_recorded",
                        outcome_payload(i, o, version),
                        "Outcome recorded: " + Describe(a) + ": " + DescribeOutcome(o), sentence_id,
                        o.recorded_at);
          } else {
            const GenOutcome& was = a.outcomes[k - 1];
            Author by = Who(o.recorded_by);
            json payload = outcome_payload(i, o, version);
            payload["reason"] = *o.amendment_reason;
            payload["previous"] = {{"outcome", was.outcome},
                                   {"judgement", OrNull(was.judgement)},
                                   {"judgement_reason", OrNull(was.judgement_reason)},
                                   {"note", was.note}};
            std::string summary = "Outcome amended: " + Describe(a) + ": now " +
                                  DescribeOutcome(o) + "; was " + DescribeOutcome(was) +
                                  ". Reason: " + *o.amendment_reason;
            if (o.instructed_by) {
              by.actor.instructed_by = Who(*o.instructed_by).actor.id;
              summary += ". On the instruction of " + Who(*o.instructed_by).name;
            }
            seq = Event(by, "appointment.outcome_amended", payload, summary, sentence_id,
                        o.recorded_at);
          }
          outcome_rows.push_back({++ids_.outcome, seq, i, k});
          current_outcome[i] = ids_.outcome;
          break;
        }
      }
    }

    for (size_t i = 0; i < list.size(); ++i) {
      const GenAppointment& a = list[i];
      const GenOutcome* o = a.outcomes.empty() ? nullptr : &a.outcomes.back();
      t_.appointment.Int(id_of(i))
          .Int(person_id_)
          .Int(sentence_id)
          .Int(requirement_of(a))
          .Text(a.type)
          .Int(types_.at(a.type).enforceable ? 1 : 0)
          .Text(FormatUtc(a.starts_at))
          .Text(FormatUtc(a.starts_at + minutes{a.duration_minutes}))
          .Int(int64_t{a.duration_minutes})
          .Int(a.location ? std::nullopt : std::optional<int64_t>(office_id))
          .Null()
          .Text(a.location)
          .Int(org_ids_.staff[a.staff])
          .Text(a.rearranged_to ? "rearranged" : "booked")
          .Int(a.rearranged_from ? std::optional<int64_t>(id_of(*a.rearranged_from)) : std::nullopt)
          .Null()  // rearranged_to: LinkRearrangements, once the replacement is in
          .Text(a.rearrange_requested_by)
          .Text(a.rearrange_reason)
          .Text(o ? std::optional<std::string>(o->outcome) : std::nullopt)
          .Text(o ? o->judgement : std::nullopt)
          .Int(o ? std::optional<int64_t>(current_outcome[i]) : std::nullopt)
          .Text(Who(a.booked_by).actor.id)
          .Text(FormatUtc(a.booked_at))
          .Int(int64_t{1 + (a.rearranged_to ? 1 : 0) + static_cast<int>(a.outcomes.size())})
          .EndRow();
      ++report_.appointments;
    }
    for (const OutcomeRow& row : outcome_rows) {
      const GenOutcome& o = list[row.appointment].outcomes[row.outcome];
      t_.outcome.Int(row.id)
          .Int(id_of(row.appointment))
          .Int(person_id_)
          .Text(o.outcome)
          .Text(o.judgement)
          .Text(o.judgement_reason)
          .Text(o.note)
          .Text(Who(o.recorded_by).actor.id)
          .Text(FormatUtc(o.recorded_at))
          .Text(o.amendment_reason)
          .Text(o.instructed_by ? std::optional<std::string>(Who(*o.instructed_by).actor.id)
                                : std::nullopt)
          .Int(row.seq)
          .EndRow();
      ++report_.outcomes;
    }
  }

  const GenOrg& org_;
  const OrgIds& org_ids_;
  const AppointmentTypes& types_;
  PeopleTables& t_;
  store::EventBatch& events_;
  Ids& ids_;
  LoadReport& report_;
  std::string crn_;
  int64_t person_id_ = 0;
  std::vector<int64_t> requirement_ids_;  // of the sentence written last
};

bool HasPeople(store::Transaction& tx) {
  long long id = 0;
  tx.sql() << "SELECT id FROM person LIMIT 1", soci::into(id);
  return tx.sql().got_data();
}

bool TeamExists(store::Transaction& tx, const std::string& code) {
  long long id = 0;
  tx.sql() << "SELECT id FROM team WHERE code = :c", soci::use(code), soci::into(id);
  return tx.sql().got_data();
}

// The organisation and its staff, each with its event (as app/organisation.cc and
// app/accounts.cc write them; no accounts: nobody signs in as generated staff).
OrgIds WriteOrg(store::Transaction& tx, const GenOrg& org, LoadReport& report) {
  store::EventBatch events(tx);
  store::BulkInsert regions(tx, "region", {"id", "code", "name"});
  store::BulkInsert pdus(tx, "pdu", {"id", "code", "name", "region_id"});
  store::BulkInsert teams(tx, "team", {"id", "code", "name", "pdu_id"});
  store::BulkInsert offices(tx, "office", {"id", "code", "name", "address", "pdu_id"});
  store::BulkInsert staff(
      tx, "staff", {"id", "name", "grade", "contracted_minutes", "start_date", "qualified_on"});
  store::BulkInsert staff_team(tx, "staff_team", {"staff_id", "team_id"});
  UtcTime at = OrgRecordedAt();
  auto event = [&](const std::string& subject, const char* kind, const json& payload) {
    events.Append(kGenerator, subject, kind, payload, at);
    at += seconds{1};
  };

  std::map<std::string, int64_t> region_ids, pdu_ids;
  OrgIds ids;
  const int64_t region_base = store::MaxId(tx, "region");
  for (size_t i = 0; i < org.regions.size(); ++i) {
    const auto& r = org.regions[i];
    const int64_t id = region_base + 1 + static_cast<int64_t>(i);
    region_ids[r.code] = id;
    regions.Int(id).Text(r.code).Text(r.name).EndRow();
    event("region:" + r.code, "region.created", {{"id", id}, {"code", r.code}, {"name", r.name}});
  }
  const int64_t pdu_base = store::MaxId(tx, "pdu");
  for (size_t i = 0; i < org.pdus.size(); ++i) {
    const auto& p = org.pdus[i];
    const int64_t id = pdu_base + 1 + static_cast<int64_t>(i);
    pdu_ids[p.code] = id;
    pdus.Int(id).Text(p.code).Text(p.name).Int(region_ids.at(p.region_code)).EndRow();
    event("pdu:" + p.code, "pdu.created",
          {{"id", id}, {"code", p.code}, {"name", p.name}, {"region_code", p.region_code}});
  }
  const int64_t team_base = store::MaxId(tx, "team");
  for (size_t i = 0; i < org.teams.size(); ++i) {
    const auto& t = org.teams[i];
    const int64_t id = team_base + 1 + static_cast<int64_t>(i);
    ids.team.push_back(id);
    teams.Int(id).Text(t.team.code).Text(t.team.name).Int(pdu_ids.at(t.team.pdu_code)).EndRow();
    event(
        "team:" + t.team.code, "team.created",
        {{"id", id}, {"code", t.team.code}, {"name", t.team.name}, {"pdu_code", t.team.pdu_code}});
  }
  const int64_t office_base = store::MaxId(tx, "office");
  for (size_t i = 0; i < org.offices.size(); ++i) {
    const auto& o = org.offices[i];
    const int64_t id = office_base + 1 + static_cast<int64_t>(i);
    ids.office.push_back(id);
    offices.Int(id).Text(o.code).Text(o.name).Text(o.address).Int(pdu_ids.at(o.pdu_code)).EndRow();
    event("office:" + o.code, "office.created",
          {{"id", id},
           {"code", o.code},
           {"name", o.name},
           {"address", o.address},
           {"pdu_code", o.pdu_code}});
  }
  const int64_t staff_base = store::MaxId(tx, "staff");
  for (size_t i = 0; i < org.staff.size(); ++i) {
    const auto& s = org.staff[i].staff;
    const int64_t id = staff_base + 1 + static_cast<int64_t>(i);
    ids.staff.push_back(id);
    ids.author.push_back({{"staff:" + std::to_string(id), std::nullopt}, s.name});
    const std::string grade(access::ToString(s.grade));
    staff.Int(id)
        .Text(s.name)
        .Text(grade)
        .Int(int64_t{s.contracted_minutes})
        .Text(s.start_date)
        .Text(s.qualified_on)
        .EndRow();
    staff_team.Int(id).Int(ids.team[org.staff[i].team]).EndRow();
    event("staff:" + std::to_string(id), "staff.created",
          {{"id", id},
           {"name", s.name},
           {"grade", grade},
           {"contracted_minutes", s.contracted_minutes},
           {"start_date", OrNull(s.start_date)},
           {"qualified_on", OrNull(s.qualified_on)},
           {"team_codes", s.team_codes}});
  }
  for (auto* table : {&regions, &pdus, &teams, &offices, &staff, &staff_team}) {
    table->Finish();
    report.rows += table->rows();
  }
  events.Flush();
  for (const char* table : {"region", "pdu", "team", "office", "staff"})
    store::SyncIdSequence(tx, table);
  report.regions = regions.rows();
  report.pdus = pdus.rows();
  report.teams = teams.rows();
  report.offices = offices.rows();
  report.staff = staff.rows();
  report.events += events.appended();
  report.head_hash = events.head_hash();
  return ids;
}

// A rearranged appointment and its replacement point at each other, and SQLite checks foreign
// keys row by row, so the originals go in without rearranged_to and are linked here, once their
// replacements are in: each replacement is the appointment after its original (WriteAppointments
// numbers them so).
void LinkRearrangements(store::Transaction& tx, long long after_id) {
  tx.sql() << "UPDATE appointment SET rearranged_to = id + 1 WHERE id > :after AND status = "
              "'rearranged' AND rearranged_to IS NULL",
      soci::use(after_id);
}

std::vector<GenPerson> GenerateBatch(const GenOrg& org, const Options& options, int64_t from,
                                     int64_t to) {
  std::vector<GenPerson> out;
  out.reserve(static_cast<size_t>(to - from));
  for (int64_t i = from; i < to; ++i) out.push_back(GeneratePerson(org, options, i));
  return out;
}
}  // namespace

Result<LoadReport> Load(store::Db& db, const Options& options, int batch,
                        const std::function<void(const LoadProgress&)>& progress) {
  if (options.people < 1 || options.people > kMaxPeople)
    return Error::Invalid("bad_people",
                          "--people must be a whole number from 1 to " + std::to_string(kMaxPeople),
                          "people");
  if (batch < 1 || batch > 100'000)
    return Error::Invalid("bad_batch", "--batch must be a whole number from 1 to 100000", "batch");
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  LoadReport report;
  const GenOrg org = GenerateOrg(options);
  OrgIds ids;
  AppointmentTypes types;
  {
    auto tx = db.BeginWrite();
    store::TuneForBulkLoad(tx);
    if (HasPeople(tx))
      return Error::Conflict("not_empty",
                             "the database already holds people; gen-data loads into an empty "
                             "database (create a new one and run it there)");
    if (TeamExists(tx, org.teams.front().team.code))
      return Error::Conflict("org_exists",
                             "the database already holds a generated organisation (team " +
                                 org.teams.front().team.code +
                                 "); gen-data loads into an empty database");
    for (auto& type : appointments::LoadAppointmentTypes(tx)) types.emplace(type.code, type);
    for (std::string_view code : kAppointmentTypes)
      if (!types.contains(code))
        return Error::Internal("missing_appointment_type",
                               "the database has no appointment type " + std::string(code) +
                                   "; gen-data needs the types of migration 0008");
    ids = WriteOrg(tx, org, report);
    tx.Commit();
  }

  // The next batch is generated (pure, on another thread) while this one is written.
  const int64_t total = options.people;
  auto generate = [&](int64_t from) {
    return std::async(std::launch::async, GenerateBatch, std::cref(org), std::cref(options), from,
                      std::min(total, from + batch));
  };
  auto next = generate(0);
  for (int64_t from = 0; from < total;) {
    std::vector<GenPerson> people = next.get();
    const int64_t to = from + static_cast<int64_t>(people.size());
    if (to < total) next = generate(to);
    auto tx = db.BeginWrite();
    store::TuneForBulkLoad(tx);
    Ids next_ids = ReadIds(tx);
    const long long appointments_before = next_ids.appointment;
    store::EventBatch events(tx);
    PeopleTables tables(tx);
    PersonWriter writer(org, ids, types, tables, events, next_ids, report);
    for (const auto& p : people) writer.Write(p);
    for (auto* table : tables.All()) {
      table->Finish();
      report.rows += table->rows();
    }
    events.Flush();
    LinkRearrangements(tx, appointments_before);
    for (const char* table : kIdTables) store::SyncIdSequence(tx, table);
    tx.Commit();
    report.events += events.appended();
    report.head_hash = events.head_hash();
    from = to;
    if (progress) progress({from, total, report.rows, report.events, elapsed()});
  }
  // Fresh statistics for the planner: straight after a load PostgreSQL would plan as if the
  // tables were near empty until autovacuum catches up (one officer's cases read by scanning every
  // active sentence: 17 ms instead of under 1).
  // Only this database's own tables (its schema): a bare ANALYZE visits every schema and can
  // deadlock with another database in the same cluster being dropped.
  if (db.backend() == store::Backend::kPostgres) {
    auto tx = db.BeginWrite();
    std::string tables;
    store::Rows(tx).Read(
        "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables WHERE "
        "schemaname = current_schema() ORDER BY tablename",
        [&](const soci::row& r) {
          tables += (tables.empty() ? "" : ", ") + r.get<std::string>(0);
        });
    if (!tables.empty()) tx.sql() << "ANALYZE " + tables;
    tx.Commit();
  }
  report.seconds = elapsed();
  return report;
}

}  // namespace probity::gen
