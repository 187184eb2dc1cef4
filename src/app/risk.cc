#include "app/risk.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "app/case_events.h"
#include "cases/rules.h"
#include "cases/store.h"
#include "core/uk_time.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is the CRN.
//   rsr.recorded  {percent (exact decimal text, "7.1"), kind (static|dynamic), assessed_on,
//                  assessed_by}
//   risk.scale_chosen {scale (male|female), reason}
//   tier.changed  {from (null: never tiered), to, protect_level, protect_points, change_level,
//                  change_points,
//                  inputs: {gender, rsr_percent (decimal text or null), rosh, mappa_level,
//                           complexity: [...], parental_responsibilities,
//                           impulsivity_or_temper, previous_breach_or_recall,
//                           mandate_for_change, needs (null or {need: severity}),
//                           ogrs3_two_year_percent, integrated_offender_management,
//                           rsr_assessment (null or {percent, kind, assessed_on, assessed_by}),
//                           ogrs3_refused (null or {code, message, field}), notes: [...]},
//                  breakdown: [{scale, code, label, points}]}
//   The inputs are the tier calculator's question (docs/risk.md), with an RSR as exact decimal
//   text rather than a number, and what it was read from.

namespace {
using nlohmann::json;

json OrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json InputsJson(const risk::TierQuestion& q) {
  const auto& in = q.input;
  json complexity = json::array();
  for (auto c : in.complexity) complexity.push_back(std::string(risk::TermOf(c).code));
  json needs = nullptr;
  if (in.needs) {
    needs = json::object();
    for (const auto& info : risk::Needs())
      needs[std::string(info.code)] = risk::ToString((*in.needs)[info.need]);
  }
  json rsr = nullptr;
  if (q.rsr)
    rsr = {{"percent", risk::FormatDecimal(q.rsr->percent)},
           {"kind", risk::ToString(q.rsr->kind)},
           {"assessed_on", FormatDate(q.rsr->assessed_on)},
           {"assessed_by", q.rsr->assessed_by}};
  json refused = nullptr;
  if (q.ogrs3_refused)
    refused = {{"code", q.ogrs3_refused->code},
               {"message", q.ogrs3_refused->message},
               {"field", q.ogrs3_refused->field}};
  return {{"gender", risk::ToString(in.gender)},
          {"rsr_percent", in.rsr_percent ? json(risk::FormatDecimal(*in.rsr_percent)) : json()},
          {"rosh", in.rosh ? json(risk::ToString(*in.rosh)) : json()},
          {"mappa_level", in.mappa_level ? json(*in.mappa_level) : json()},
          {"complexity", complexity},
          {"parental_responsibilities", in.parental_responsibilities},
          {"impulsivity_or_temper", in.impulsivity_or_temper},
          {"previous_breach_or_recall", in.previous_breach_or_recall},
          {"mandate_for_change", in.mandate_for_change},
          {"needs", needs},
          {"ogrs3_two_year_percent",
           in.ogrs3_two_year_percent ? json(*in.ogrs3_two_year_percent) : json()},
          {"integrated_offender_management", in.integrated_offender_management},
          {"rsr_assessment", rsr},
          {"ogrs3_refused", refused},
          {"notes", q.notes}};
}

json BreakdownJson(const risk::Tier& tier) {
  json out = json::array();
  for (const auto& item : tier.breakdown)
    out.push_back({{"scale", risk::ToString(item.scale)},
                   {"code", item.code},
                   {"label", item.label},
                   {"points", item.points}});
  return out;
}

std::string Points(int n) { return std::to_string(n) + (n == 1 ? " point" : " points"); }

// "Tier changed from B1 to B2: protect level B (20 points), change level 2 (12 points)."
std::string TierSummary(const std::optional<std::string>& from, const risk::Tier& tier) {
  std::string out = from ? "Tier changed from " + *from + " to " + tier.Code()
                         : "Tier calculated: " + tier.Code();
  out += ": protect level " + std::string(1, tier.protect_level) + " (" +
         Points(tier.protect_points) + "), change level " + std::to_string(tier.change_level);
  bool rule = false;
  for (const auto& item : tier.breakdown)
    if (item.code == "no_mandate_for_change" || item.code == "no_needs_assessment") {
      out += " (" + item.label + ")";
      rule = true;
    }
  if (!rule) out += " (" + Points(tier.change_points) + ")";
  return out + ".";
}

struct Tiered {
  bool anything = true;  // the record holds something the tier reads beyond the person
  risk::TierQuestion question;
  risk::Tier tier;
  std::optional<risk::StoredRsr> rsr;
  cases::Person person;
  std::vector<cases::Need> needs;  // the latest of each need assessed
};

// What the tier reads that the case record loader does not hold.
struct OtherFacts {
  std::optional<risk::StoredRsr> rsr;  // the latest
  bool breached_or_recalled = false;   // ever, on any sentence
  std::optional<risk::Gender> chosen_scale;
};

// The question and the tier as of `today` from a case record and the other facts.
Result<Tiered> TierOf(cases::CaseRecord record, OtherFacts other, Date today) {
  auto facts = risk::FactsOf(record);
  if (other.rsr) facts.rsr = other.rsr->assessment;
  facts.previous_breach_or_recall = other.breached_or_recalled;
  facts.chosen_scale = other.chosen_scale;
  const bool anything = !facts.sentences.empty() || !facts.registrations.empty() ||
                        !facts.needs.empty() || !facts.convictions.empty() || facts.rsr ||
                        facts.previous_breach_or_recall;
  auto question = risk::TierFromRecord(facts, today);
  auto tier = risk::CalculateTier(question.input);
  if (!tier) return tier.error();
  return Tiered{anything,
                std::move(question),
                std::move(*tier),
                std::move(other.rsr),
                std::move(record.person),
                std::move(record.needs)};
}

// The record's facts as of `today`, the question and the tier. kNotFound: no such case.
Result<Tiered> TierOfCase(store::Transaction& tx, const CaseRef& on, Date today) {
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  OtherFacts other{risk::LatestRsr(tx, person->id), risk::EverBreachedOrRecalled(tx, person->id),
                   std::nullopt};
  if (auto choice = risk::LatestScaleChoice(tx, person->id)) other.chosen_scale = choice->scale;
  return TierOf(cases::LoadCaseRecord(tx, *person), std::move(other), today);
}

// Writes a tier change (tier_change, tier.changed, person.tier) when `tiered` is one, as
// RecalculateTier describes; nullopt when it is not.
std::optional<risk::TierChangeRow> RecordTierChange(store::Transaction& tx, const store::Actor& by,
                                                    const CaseRef& on, const Tiered& tiered,
                                                    UtcTime now) {
  const auto& tier = tiered.tier;
  const auto& stored = tiered.person.tier;
  // A case is first tiered once its record holds something the tier reads: a person just
  // registered, with nothing but their details, is not tiered D0 with an event of its own.
  if (!stored && !tiered.anything) return std::nullopt;
  if (!risk::TierChanged(stored, tier)) return std::nullopt;
  const json inputs = InputsJson(tiered.question);
  const json breakdown = BreakdownJson(tier);
  const json payload = {{"from", OrNull(stored)},
                        {"to", tier.Code()},
                        {"protect_level", std::string(1, tier.protect_level)},
                        {"protect_points", tier.protect_points},
                        {"change_level", tier.change_level},
                        {"change_points", tier.change_points},
                        {"inputs", inputs},
                        {"breakdown", breakdown}};
  const CaseRef ref{tiered.person.id, on.crn, on.restricted};
  risk::TierChangeRow row;
  row.person_id = tiered.person.id;
  row.from_tier = stored;
  row.to_tier = tier.Code();
  row.protect_level = tier.protect_level;
  row.protect_points = tier.protect_points;
  row.change_level = tier.change_level;
  row.change_points = tier.change_points;
  row.inputs = inputs.dump();
  row.breakdown = breakdown.dump();
  row.calculated_at = now;
  row.event_seq = RecordCaseEvent(
      tx, by, ref, {"tier.changed", payload, TierSummary(stored, tier), std::nullopt}, now);
  row.id = risk::InsertTierChange(tx, row);
  risk::SetStoredTier(tx, row.person_id, row.to_tier);
  return row;
}

Status CheckRsr(const RsrInput& in, Date today) {
  if (in.percent < risk::Decimal::Whole(0) || in.percent > risk::Decimal::Whole(100))
    return Error::Invalid("out_of_range", "an RSR is a percentage from 0 to 100", "percent");
  if (in.kind != "static" && in.kind != "dynamic")
    return Error::Invalid("unknown_code", "kind is static or dynamic", "kind");
  if (auto s = cases::CheckDate(in.assessed_on, "assessed_on", today); !s) return s;
  if (auto s = cases::CheckText(in.assessed_by, "assessed_by", 200); !s) return s;
  return Ok();
}
}  // namespace

Result<std::optional<risk::TierChangeRow>> RecalculateTier(store::Transaction& tx,
                                                           const store::Actor& by,
                                                           const CaseRef& on, UtcTime now) {
  auto tiered = TierOfCase(tx, on, UkDateOf(now));
  if (!tiered) return tiered.error();
  return RecordTierChange(tx, by, on, *tiered, now);
}

Result<int64_t> RecordRsrAssessment(store::Db& db, const store::Actor& by, const CaseRef& on,
                                    const RsrInput& in, UtcTime now) {
  const Date today = UkDateOf(now);
  if (auto s = CheckRsr(in, today); !s) return s.error();
  auto tx = db.BeginWrite();
  risk::StoredRsr rsr;
  rsr.person_id = on.person_id;
  rsr.assessment.percent = in.percent;
  rsr.assessment.kind = in.kind == "dynamic" ? risk::RsrKind::kDynamic : risk::RsrKind::kStatic;
  rsr.assessment.assessed_on = *ParseDate(in.assessed_on);
  rsr.assessment.assessed_by = in.assessed_by;
  rsr.recorded_by = by.id;
  rsr.recorded_at = now;
  const std::string percent = risk::FormatDecimal(in.percent);
  const json payload = {{"percent", percent},
                        {"kind", in.kind},
                        {"assessed_on", in.assessed_on},
                        {"assessed_by", in.assessed_by}};
  // The row points at its event (event_seq); the event needs no row id.
  rsr.event_seq = RecordCaseEvent(tx, by, on,
                                  {"rsr.recorded", payload,
                                   "RSR recorded: " + percent + "% (" + in.kind + ", assessed " +
                                       LongDate(in.assessed_on) + " by " + in.assessed_by + ")",
                                   std::nullopt},
                                  now);
  rsr.id = risk::InsertRsr(tx, rsr);
  if (auto t = RecalculateTier(tx, by, on, now); !t) return t.error();
  tx.Commit();
  return rsr.id;
}

Result<int64_t> ChooseRiskScale(store::Db& db, const store::Actor& by, const CaseRef& on,
                                const ScaleInput& in, UtcTime now) {
  const auto scale = risk::ParseGender(in.scale);
  if (!scale) return Error::Invalid("unknown_code", "scale is male or female", "scale");
  if (auto s = cases::CheckText(in.reason, "reason", 1000); !s) return s.error();
  auto tx = db.BeginWrite();
  auto person = cases::FindPerson(tx, on.crn);
  if (!person) return Error::NotFound("not_found", "there is no such person");
  if (risk::ParseGender(person->gender)) {
    Error recorded = Error::Conflict(
        "gender_recorded", "the person is recorded as " + person->gender +
                               ", and the record decides the scale: correct the person's details "
                               "if that is wrong");
    recorded.field = "scale";
    return recorded;
  }
  risk::ScaleChoice choice;
  choice.person_id = person->id;
  choice.scale = *scale;
  choice.reason = in.reason;
  choice.chosen_by = by.id;
  choice.chosen_at = now;
  choice.event_seq = RecordCaseEvent(
      tx, by, on,
      {"risk.scale_chosen",
       {{"scale", in.scale}, {"reason", in.reason}},
       std::string("Scale for scoring chosen: ") +
           (*scale == risk::Gender::kFemale ? "women's" : "men's") + " (" + in.reason + ")",
       std::nullopt},
      now);
  choice.id = risk::InsertScaleChoice(tx, choice);
  if (auto t = RecalculateTier(tx, by, on, now); !t) return t.error();
  tx.Commit();
  return choice.id;
}

Result<RiskView> GetRisk(store::Db& db, const CaseRef& on, UtcTime now) {
  auto tx = db.BeginRead();
  auto tiered = TierOfCase(tx, on, UkDateOf(now));
  if (!tiered) return tiered.error();
  RiskView view;
  view.stored_tier = tiered->person.tier;
  view.tier = std::move(tiered->tier);
  view.question = std::move(tiered->question);
  view.explanation = risk::ExplainTier(view.tier, view.question);
  view.rsr = std::move(tiered->rsr);
  view.needs = std::move(tiered->needs);
  view.history = risk::LoadTierChanges(tx, tiered->person.id);
  view.rsr_history = risk::LoadRsrHistory(tx, tiered->person.id);
  view.scale_choice = risk::LatestScaleChoice(tx, tiered->person.id);
  if (view.scale_choice)
    view.scale_choice->chosen_by_name = cases::ActorName(tx, view.scale_choice->chosen_by);
  view.person = std::move(tiered->person);
  return view;
}

TierRun RecalculateAllTiers(store::Db& db, const store::Actor& by, UtcTime now) {
  using Clock = std::chrono::steady_clock;
  auto seconds = [](Clock::time_point from) {
    return std::chrono::duration<double>(Clock::now() - from).count();
  };
  const Date today = UkDateOf(now);
  TierRun run;
  std::vector<risk::PersonKey> people;
  {
    const auto started = Clock::now();
    auto tx = db.BeginRead();
    people = risk::LoadPersonKeys(tx);
    run.read_seconds += seconds(started);
  }
  // A range of people at a time, read in a few queries (not a dozen a person), tiered and any
  // changes written in one transaction: what is read is what is judged and written.
  constexpr size_t kRange = 2000;
  for (size_t i = 0; i < people.size(); i += kRange) {
    const int64_t first = people[i].id;
    const int64_t last = people[std::min(people.size(), i + kRange) - 1].id;
    auto started = Clock::now();
    auto tx = db.BeginWrite();
    auto records = cases::LoadScoringRecords(tx, first, last);
    auto rsrs = risk::LatestRsrInRange(tx, first, last);
    const auto breached = risk::BreachedOrRecalledInRange(tx, first, last);
    const auto scales = risk::LatestScaleChoiceInRange(tx, first, last);
    run.read_seconds += seconds(started);
    started = Clock::now();
    for (auto& record : records) {
      ++run.people;
      const int64_t id = record.person.id;
      const CaseRef on{id, record.person.crn, record.person.limited};
      OtherFacts other;
      if (auto rsr = rsrs.extract(id)) other.rsr = std::move(rsr.mapped());
      other.breached_or_recalled = breached.contains(id);
      if (auto scale = scales.find(id); scale != scales.end()) other.chosen_scale = scale->second;
      auto tiered = TierOf(std::move(record), std::move(other), today);
      if (!tiered)
        ++run.refused;
      else if (RecordTierChange(tx, by, on, *tiered, now))
        ++run.changed;
    }
    tx.Commit();
    run.write_seconds += seconds(started);
  }
  return run;
}

}  // namespace probity::app
