#include "app/letters.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/case_events.h"
#include "appointments/store.h"
#include "cases/store.h"
#include "core/templates.h"
#include "core/uk_time.h"
#include "letters/letter.h"
#include "letters/store.h"

namespace probity::app {

namespace {

using nlohmann::json;

// The alerts counted up to the one `decision` answers, oldest first: that alert and, before it,
// the run of alerts numbered 1 to n-1 in its window.
std::vector<enforcement::StoredAlert> CountedAlerts(store::Transaction& tx,
                                                    const enforcement::DecisionRecord& decision) {
  auto alerts = enforcement::LoadAlerts(tx, decision.sentence_id);
  std::sort(alerts.begin(), alerts.end(),
            [](const auto& a, const auto& b) { return a.alert.failure_day < b.alert.failure_day; });
  const int64_t appointment = decision.decision.appointment_id;
  const auto it = std::find_if(alerts.begin(), alerts.end(), [&](const auto& s) {
    return s.alert.appointment_id == appointment ||
           std::find(s.alert.same_day.begin(), s.alert.same_day.end(), appointment) !=
               s.alert.same_day.end();
  });
  if (it == alerts.end()) return {};
  std::vector<enforcement::StoredAlert> counted{*it};
  for (auto back = it; back != alerts.begin() && counted.front().alert.nth > 1;) {
    --back;
    if (back->alert.nth != counted.front().alert.nth - 1) break;
    counted.insert(counted.begin(), *back);
  }
  return counted;
}

letters::FailureFact FactOf(const appointments::Appointment& a, int nth) {
  const auto* outcome = a.current_outcome();
  return {nth, a.starts_at, a.type_label, outcome ? outcome->outcome : std::string()};
}

}  // namespace

Result<int64_t> IssueLetter(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                            const enforcement::DecisionRecord& decision, UtcTime now) {
  const auto kind = letters::LetterFor(decision.decision.kind);
  if (!kind) return int64_t{0};
  const auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("unknown_person", "there is no person " + on.crn);
  const auto record = cases::LoadCaseRecord(tx, *person);
  const auto sentence =
      std::find_if(record.sentences.begin(), record.sentences.end(),
                   [&](const cases::Sentence& s) { return s.id == decision.sentence_id; });
  if (sentence == record.sentences.end())
    return Error::NotFound("unknown_sentence",
                           on.crn + " has no sentence " + std::to_string(decision.sentence_id));

  letters::LetterFacts facts;
  facts.kind = *kind;
  facts.issued_at = now;
  facts.person = *person;
  facts.addresses = record.addresses;
  facts.sentence = *sentence;
  facts.rationale = decision.rationale;
  facts.officer_name = person->officer_name.value_or(decision.decided_by_name.empty()
                                                         ? cases::ActorName(tx, decision.decided_by)
                                                         : decision.decided_by_name);
  facts.office = letters::LetterOffice(tx, person->pdu_id);

  // The failures counted, and the requirements they were on (else all the sentence's own).
  std::vector<int64_t> requirement_ids;
  for (const auto& counted : CountedAlerts(tx, decision))
    if (auto a = appointments::FindAppointment(tx, on.person_id, counted.alert.appointment_id)) {
      facts.failures.push_back(FactOf(*a, counted.alert.nth));
      if (a->requirement_id) requirement_ids.push_back(*a->requirement_id);
    }
  if (facts.failures.empty())  // no alert on record: the failure decided on, alone
    if (auto a = appointments::FindAppointment(tx, on.person_id, decision.decision.appointment_id))
      facts.failures.push_back(FactOf(*a, 1));
  for (const auto& r : record.requirements) {
    if (r.sentence_id != sentence->id) continue;
    const bool concerned = requirement_ids.empty()
                               ? r.status == "active"
                               : std::find(requirement_ids.begin(), requirement_ids.end(), r.id) !=
                                     requirement_ids.end();
    if (concerned) facts.requirements.push_back(r);
  }
  for (const auto& c : record.licence_conditions)
    if (c.sentence_id == sentence->id && !c.end_date) facts.conditions.push_back(c);
  if (const auto track = enforcement::TrackOf(sentence->kind); track && !facts.failures.empty()) {
    const auto policy = enforcement::LoadPolicy(tx);
    facts.window_months =
        policy.InForceOn(UkDateOf(facts.failures.back().starts_at)).For(*track).window_months;
  }

  const auto letter = letters::FillLetter(facts);
  letters::Document document;
  document.id = letters::ReserveDocumentId(tx);
  document.person_id = on.person_id;
  document.sentence_id = sentence->id;
  if (decision.decision.id > 0) document.decision_id = decision.decision.id;
  document.kind = letters::ToString(*kind);
  document.title = letter.title;
  document.body = RenderTemplate(letters::TemplateOf(*kind), letters::LetterData(letter));
  document.created_by = by.id;
  document.created_at = now;
  const json payload = {
      {"id", document.id},
      {"kind", document.kind},
      {"title", document.title},
      {"decision_id", document.decision_id ? json(*document.decision_id) : json()},
      {"sentence_id", document.sentence_id ? json(*document.sentence_id) : json()}};
  document.event_seq = RecordCaseEvent(
      tx, by, on, {"document.issued", payload, "Letter issued: " + letter.title, sentence->id},
      now);
  letters::InsertDocument(tx, document);
  return document.id;
}

std::vector<letters::Document> ListDocuments(store::Db& db, const CaseRef& on) {
  auto tx = db.BeginRead();
  return letters::LoadDocuments(tx, on.person_id);
}

Result<letters::Document> GetDocument(store::Db& db, const CaseRef& on, int64_t id) {
  auto tx = db.BeginRead();
  auto document = letters::FindDocument(tx, on.person_id, id);
  if (!document)
    return Error::NotFound("unknown_document", on.crn + " has no document " + std::to_string(id));
  return std::move(*document);
}

}  // namespace probity::app
