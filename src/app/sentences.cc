#include "app/sentences.h"

#include <nlohmann/json.hpp>
#include <set>

#include "app/case_events.h"
#include "app/risk.h"
#include "cases/sentence_store.h"
#include "cases/vocabulary.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is the CRN;
// dates are "YYYY-MM-DD"; an absent optional value is null; `version` is the record's version
// after the change.
//   sentence.added          {id, kind, court, offence, offence_group, sentence_date,
//                            length_months, expected_end, release_date, licence_end,
//                            custody_type}   (custody_type: standard, extended, indeterminate
//                            or null; absent from events written before it was recorded)
//   sentence.terminated     {id, kind, terminated_on, reason, version}
//   requirement.added       {id, sentence_id, type, amount, unit, start_date}
//   requirement.progressed  {id, sentence_id, type, from, progress, amount, unit, status,
//                            end_date, version}   (status "completed" when it reached the amount)
//   requirement.ended       {id, sentence_id, type, end_date, reason, status, progress, version}
//                           (reason "sentence_ended" when the sentence's termination ended it)
//   licence_condition.added {id, sentence_id, type, description, start_date}
//   licence_condition.ended {id, sentence_id, type, end_date, reason, version}
//                           (reason null, or "sentence_ended" when the termination ended it)

namespace {
using nlohmann::json;

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

Date Today(UtcTime now) { return DateOf(now); }

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

std::string Months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

// At most `max` bytes of `text` on one line, cut at a character boundary, with "..." when cut.
std::string Clip(const std::string& text, size_t max = 80) {
  std::string line;
  for (char c : text) line += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (line.size() <= max) return line;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

Error UnknownSentence(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_sentence",
               "this person has no sentence " + std::to_string(id), "id"};
}
Error UnknownRequirement(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_requirement",
               "this person has no requirement " + std::to_string(id), "id"};
}
Error UnknownCondition(int64_t id) {
  return Error{ErrorKind::kNotFound, "unknown_licence_condition",
               "this person has no licence condition " + std::to_string(id), "id"};
}

// The fields the events of `prefix` ("requirement.") say changed on record `id` after
// `since_version`, in name order.
std::set<std::string> FieldsChangedSince(store::Transaction& tx, const CaseRef& on,
                                         const std::string& prefix, int64_t id, int since_version) {
  std::set<std::string> fields;
  for (const auto& event : store::EventsForSubject(tx, on.crn)) {
    if (!event.kind.starts_with(prefix)) continue;
    const auto payload = json::parse(event.payload);
    if (payload.value("id", int64_t{0}) != id || payload.value("version", 0) <= since_version)
      continue;
    const std::string what = event.kind.substr(prefix.size());
    if (what == "terminated") fields.insert({"status", "terminated_on", "termination_reason"});
    if (what == "progressed") {
      fields.insert("progress");
      if (payload.value("status", "active") != "active")
        fields.insert({"status", "end_date", "end_reason"});
    }
    if (what == "ended") {
      fields.insert("end_date");
      if (prefix == "requirement.") fields.insert({"status", "end_reason"});
    }
  }
  return fields;
}

// kConflict "stale_version": the version now, what changed since the caller's and what the
// record says now.
Error Stale(store::Transaction& tx, const CaseRef& on, const std::string& what,
            const std::string& prefix, int64_t id, int version, int expected_version,
            const std::string& now) {
  std::string message =
      what + " " + std::to_string(id) + " was changed by someone else: you had version " +
      std::to_string(expected_version) + ", it is now version " + std::to_string(version);
  if (expected_version < version) {
    std::string fields;
    for (const auto& f : FieldsChangedSince(tx, on, prefix, id, expected_version))
      fields += (fields.empty() ? "" : ", ") + f;
    message += "; changed since: " + (fields.empty() ? std::string("nothing recorded") : fields);
  }
  message += ". Now: " + now + ". Reload it and make your change again.";
  return Error{ErrorKind::kConflict, "stale_version", std::move(message), "version"};
}

std::string Describe(const cases::Sentence& s) {
  std::string out = Label(cases::SentenceKinds(), s.kind) + ", " + s.status;
  if (s.terminated_on)
    out += " on " + *s.terminated_on + " (" +
           Label(cases::TerminationReasons(), s.termination_reason.value_or("")) + ")";
  return out;
}
std::string Describe(const cases::Requirement& r) {
  std::string out = Label(cases::RequirementTypes(), r.type) + ", " + std::to_string(r.progress) +
                    " of " + std::to_string(r.amount) + " " + r.unit + ", " + r.status;
  if (r.end_date)
    out += " on " + *r.end_date + " (" +
           Label(cases::RequirementEndReasons(), r.end_reason.value_or("")) + ")";
  return out;
}
std::string Describe(const cases::LicenceCondition& c) {
  return Label(cases::LicenceConditionTypes(), c.type) +
         (c.end_date ? ", ended on " + *c.end_date : ", active");
}

Error Stale(store::Transaction& tx, const CaseRef& on, const cases::Sentence& now, int expected) {
  return Stale(tx, on, "sentence", "sentence.", now.id, now.version, expected, Describe(now));
}
Error Stale(store::Transaction& tx, const CaseRef& on, const cases::Requirement& now,
            int expected) {
  return Stale(tx, on, "requirement", "requirement.", now.id, now.version, expected, Describe(now));
}
Error Stale(store::Transaction& tx, const CaseRef& on, const cases::LicenceCondition& now,
            int expected) {
  return Stale(tx, on, "licence condition", "licence_condition.", now.id, now.version, expected,
               Describe(now));
}

SentenceRecord RecordOf(const cases::Sentence& sentence,
                        const std::vector<cases::Requirement>& requirements,
                        const std::vector<cases::LicenceCondition>& conditions) {
  SentenceRecord out{sentence, {}, {}};
  for (const auto& r : requirements)
    if (r.sentence_id == sentence.id) out.requirements.push_back(r);
  for (const auto& c : conditions)
    if (c.sentence_id == sentence.id) out.licence_conditions.push_back(c);
  return out;
}

SentenceRecord LoadRecord(store::Transaction& tx, const CaseRef& on,
                          const cases::Sentence& sentence) {
  return RecordOf(sentence, cases::LoadRequirements(tx, on.person_id),
                  cases::LoadLicenceConditions(tx, on.person_id));
}

// The requirement.ended event and timeline entry for `after`, just written at `version`.
void RecordRequirementEnded(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                            const cases::Requirement& after, int version, UtcTime now) {
  const std::string reason = after.end_reason.value_or("");
  RecordCaseEvent(
      tx, by, on,
      {"requirement.ended",
       {{"id", after.id},
        {"sentence_id", after.sentence_id},
        {"type", after.type},
        {"end_date", OrNull(after.end_date)},
        {"reason", reason},
        {"status", after.status},
        {"progress", after.progress},
        {"version", version}},
       "Requirement ended: " + Label(cases::RequirementTypes(), after.type) + ", " +
           std::to_string(after.progress) + " of " + std::to_string(after.amount) + " " +
           after.unit + " done (" + Label(cases::RequirementEndReasons(), reason) + ")",
       after.sentence_id},
      now);
}

void RecordConditionEnded(store::Transaction& tx, const store::Actor& by, const CaseRef& on,
                          const cases::LicenceCondition& after, int version,
                          const std::optional<std::string>& reason, UtcTime now) {
  RecordCaseEvent(tx, by, on,
                  {"licence_condition.ended",
                   {{"id", after.id},
                    {"sentence_id", after.sentence_id},
                    {"type", after.type},
                    {"end_date", OrNull(after.end_date)},
                    {"reason", OrNull(reason)},
                    {"version", version}},
                   "Licence condition ended: " + Label(cases::LicenceConditionTypes(), after.type) +
                       ": " + Clip(after.description) +
                       (reason ? " (" + Label(cases::RequirementEndReasons(), *reason) + ")" : ""),
                   after.sentence_id},
                  now);
}
}  // namespace

std::vector<SentenceRecord> ListSentences(store::Db& db, const CaseRef& on) {
  auto tx = db.BeginRead();
  const auto requirements = cases::LoadRequirements(tx, on.person_id);
  const auto conditions = cases::LoadLicenceConditions(tx, on.person_id);
  std::vector<SentenceRecord> out;
  for (const auto& s : cases::LoadSentences(tx, on.person_id))
    out.push_back(RecordOf(s, requirements, conditions));
  return out;
}

Result<SentenceRecord> GetSentence(store::Db& db, const CaseRef& on, int64_t sentence_id) {
  auto tx = db.BeginRead();
  auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!sentence) return UnknownSentence(sentence_id);
  return LoadRecord(tx, on, *sentence);
}

Result<SentenceRecord> AddSentence(store::Db& db, const store::Actor& by, const CaseRef& on,
                                   const cases::NewSentence& in, UtcTime now) {
  auto sentence = cases::CheckNewSentence(in, Today(now));
  if (!sentence) return sentence.error();
  auto tx = db.BeginWrite();
  sentence->person_id = on.person_id;
  sentence->id = cases::InsertSentence(tx, on.person_id, *sentence, by.id, now);
  const cases::Sentence& s = *sentence;
  std::string summary =
      Label(cases::SentenceKinds(), s.kind) + " added: " + Months(s.length_months) + ", " + s.court;
  if (s.release_date) summary += ", released " + *s.release_date;
  RecordCaseEvent(tx, by, on,
                  {"sentence.added",
                   {{"id", s.id},
                    {"kind", s.kind},
                    {"court", s.court},
                    {"offence", s.offence},
                    {"offence_group", s.offence_group},
                    {"sentence_date", s.sentence_date},
                    {"length_months", s.length_months},
                    {"expected_end", s.expected_end},
                    {"release_date", OrNull(s.release_date)},
                    {"licence_end", OrNull(s.licence_end)},
                    {"custody_type", OrNull(s.custody_type)}},
                   summary,
                   s.id},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return SentenceRecord{s, {}, {}};
}

Result<SentenceRecord> TerminateSentence(store::Db& db, const store::Actor& by, const CaseRef& on,
                                         int64_t sentence_id, const std::string& terminated_on,
                                         const std::string& reason, int expected_version,
                                         UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!before) return UnknownSentence(sentence_id);
  if (before->version != expected_version) return Stale(tx, on, *before, expected_version);
  auto after = cases::TerminateSentence(*before, terminated_on, reason, Today(now));
  if (!after) return after.error();
  auto version = cases::UpdateSentence(tx, *before, *after);
  if (!version) return version.error();
  after->version = *version;
  RecordCaseEvent(tx, by, on,
                  {"sentence.terminated",
                   {{"id", after->id},
                    {"kind", after->kind},
                    {"terminated_on", terminated_on},
                    {"reason", reason},
                    {"version", *version}},
                   Label(cases::SentenceKinds(), after->kind) + " terminated on " + terminated_on +
                       ": " + Label(cases::TerminationReasons(), reason),
                   after->id},
                  now);
  // What the sentence held ends with it, each with its own event so the timeline shows it.
  auto record = LoadRecord(tx, on, *after);
  for (auto& r : record.requirements) {
    if (!cases::IsActive(r)) continue;
    const auto ended = cases::EndWithSentence(r, terminated_on);
    auto v = cases::UpdateRequirement(tx, r, ended);
    if (!v) return v.error();
    r = ended;
    r.version = *v;
    RecordRequirementEnded(tx, by, on, r, *v, now);
  }
  for (auto& c : record.licence_conditions) {
    if (!cases::IsActive(c)) continue;
    const auto ended = cases::EndWithSentence(c, terminated_on);
    auto v = cases::UpdateLicenceCondition(tx, c, ended);
    if (!v) return v.error();
    c = ended;
    c.version = *v;
    RecordConditionEnded(tx, by, on, c, *v, std::string("sentence_ended"), now);
  }
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return record;
}

Result<cases::Requirement> AddRequirement(store::Db& db, const store::Actor& by, const CaseRef& on,
                                          int64_t sentence_id, const cases::NewRequirement& in,
                                          UtcTime now) {
  auto tx = db.BeginWrite();
  auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!sentence) return UnknownSentence(sentence_id);
  auto requirement = cases::CheckNewRequirement(*sentence, in, Today(now));
  if (!requirement) return requirement.error();
  requirement->id = cases::InsertRequirement(tx, on.person_id, *requirement, by.id, now);
  const cases::Requirement& r = *requirement;
  RecordCaseEvent(tx, by, on,
                  {"requirement.added",
                   {{"id", r.id},
                    {"sentence_id", r.sentence_id},
                    {"type", r.type},
                    {"amount", r.amount},
                    {"unit", r.unit},
                    {"start_date", r.start_date}},
                   "Requirement added: " + Label(cases::RequirementTypes(), r.type) + ", " +
                       std::to_string(r.amount) + " " + r.unit,
                   r.sentence_id},
                  now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return requirement;
}

Result<cases::Requirement> RecordRequirementProgress(store::Db& db, const store::Actor& by,
                                                     const CaseRef& on, int64_t requirement_id,
                                                     int progress, int expected_version,
                                                     UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = cases::FindRequirement(tx, on.person_id, requirement_id);
  if (!before) return UnknownRequirement(requirement_id);
  if (before->version != expected_version) return Stale(tx, on, *before, expected_version);
  auto after = cases::RecordProgress(*before, progress, Today(now));
  if (!after) return after.error();
  auto version = cases::UpdateRequirement(tx, *before, *after);
  if (!version) return version.error();
  after->version = *version;
  const cases::Requirement& r = *after;
  const bool completed = r.status == "completed";
  RecordCaseEvent(
      tx, by, on,
      {"requirement.progressed",
       {{"id", r.id},
        {"sentence_id", r.sentence_id},
        {"type", r.type},
        {"from", before->progress},
        {"progress", r.progress},
        {"amount", r.amount},
        {"unit", r.unit},
        {"status", r.status},
        {"end_date", OrNull(r.end_date)},
        {"version", r.version}},
       Label(cases::RequirementTypes(), r.type) + (completed ? " completed: " : " progress: ") +
           std::to_string(r.progress) + " of " + std::to_string(r.amount) + " " + r.unit + " done",
       r.sentence_id},
      now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return after;
}

Result<cases::Requirement> EndRequirement(store::Db& db, const store::Actor& by, const CaseRef& on,
                                          int64_t requirement_id, const std::string& end_date,
                                          const std::string& reason, int expected_version,
                                          UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = cases::FindRequirement(tx, on.person_id, requirement_id);
  if (!before) return UnknownRequirement(requirement_id);
  if (before->version != expected_version) return Stale(tx, on, *before, expected_version);
  auto after = cases::EndRequirement(*before, end_date, reason, Today(now));
  if (!after) return after.error();
  auto version = cases::UpdateRequirement(tx, *before, *after);
  if (!version) return version.error();
  after->version = *version;
  RecordRequirementEnded(tx, by, on, *after, *version, now);
  if (auto tier = RecalculateTier(tx, by, on, now); !tier) return tier.error();
  tx.Commit();
  return after;
}

Result<cases::LicenceCondition> AddLicenceCondition(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t sentence_id,
                                                    const cases::NewLicenceCondition& in,
                                                    UtcTime now) {
  auto tx = db.BeginWrite();
  auto sentence = cases::FindSentence(tx, on.person_id, sentence_id);
  if (!sentence) return UnknownSentence(sentence_id);
  auto condition = cases::CheckNewLicenceCondition(*sentence, in);
  if (!condition) return condition.error();
  condition->id = cases::InsertLicenceCondition(tx, on.person_id, *condition, by.id, now);
  const cases::LicenceCondition& c = *condition;
  RecordCaseEvent(tx, by, on,
                  {"licence_condition.added",
                   {{"id", c.id},
                    {"sentence_id", c.sentence_id},
                    {"type", c.type},
                    {"description", c.description},
                    {"start_date", c.start_date}},
                   "Licence condition added: " + Label(cases::LicenceConditionTypes(), c.type) +
                       ": " + Clip(c.description),
                   c.sentence_id},
                  now);
  tx.Commit();
  return condition;
}

Result<cases::LicenceCondition> EndLicenceCondition(store::Db& db, const store::Actor& by,
                                                    const CaseRef& on, int64_t condition_id,
                                                    const std::string& end_date,
                                                    int expected_version, UtcTime now) {
  auto tx = db.BeginWrite();
  auto before = cases::FindLicenceCondition(tx, on.person_id, condition_id);
  if (!before) return UnknownCondition(condition_id);
  if (before->version != expected_version) return Stale(tx, on, *before, expected_version);
  auto after = cases::EndLicenceCondition(*before, end_date, Today(now));
  if (!after) return after.error();
  auto version = cases::UpdateLicenceCondition(tx, *before, *after);
  if (!version) return version.error();
  after->version = *version;
  RecordConditionEnded(tx, by, on, *after, *version, std::nullopt, now);
  tx.Commit();
  return after;
}

}  // namespace probity::app
