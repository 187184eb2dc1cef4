#include "app/inspection_samples.h"

#include <algorithm>
#include <map>
#include <set>

#include "access/policy.h"
#include "access/store.h"
#include "cases/store.h"
#include "cases/vocabulary.h"
#include "core/csv.h"
#include "core/uk_time.h"
#include "org/store.h"
#include "reporting/case_log.h"
#include "reporting/sample.h"
#include "reporting/sample_store.h"
#include "reporting/store.h"
#include "store/event_log.h"

namespace probity::app {

// FROZEN event kinds and payload fields (they are in the hash chain). The subject is
// "inspection_sample:<id>".
//   inspection_sample.drawn         {id, title, criteria (CriteriaJson), seed (64 hex), size,
//                                    through_seq, head_hash, population_count, crns (in the
//                                    seeded order)}
//   inspection_sample.case_replaced {id, crn, replacement_crn, reason, position (the
//                                    replacement's place in the seeded order)}

namespace {
using access::Principal;
using access::Role;
using nlohmann::json;
using reporting::Scope;

constexpr int kMaxSize = 500;
constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxReason = 500;

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string Subject(int64_t id) { return "inspection_sample:" + std::to_string(id); }

bool DrawsSamples(const Principal& who) {
  return who.role == Role::kPerformanceAnalyst || who.role == Role::kSeniorManager ||
         who.role == Role::kAdministrator;
}

Status MayDraw(const Principal& who) {
  if (DrawsSamples(who)) return Ok();
  return Error::Forbidden("may_not_draw_samples",
                          "only performance analysts, senior managers and administrators draw "
                          "and change inspection samples");
}

// The team codes of an SPO's teams.
std::set<std::string, std::less<>> TeamCodesOf(store::Transaction& tx, const Principal& who) {
  std::set<std::string, std::less<>> out;
  for (const auto& team : org::ListTeams(tx))
    if (std::find(who.team_ids.begin(), who.team_ids.end(), team.id) != who.team_ids.end())
      out.insert(team.code);
  return out;
}

bool MaySee(const Principal& who, const std::set<std::string, std::less<>>& spo_teams,
            const reporting::SampleRow& s) {
  if (DrawsSamples(who)) return true;
  return who.role == Role::kSpo && s.scope_level == "team" && spo_teams.contains(s.scope_code);
}

Status MaySeeAny(const Principal& who) {
  if (DrawsSamples(who) || who.role == Role::kSpo) return Ok();
  return Error::Forbidden("may_not_see_samples",
                          "inspection samples are for performance analysts, senior managers, "
                          "SPOs and administrators");
}

std::optional<Scope::Level> LevelOf(std::string_view unit) {
  for (auto level :
       {Scope::Level::kAll, Scope::Level::kRegion, Scope::Level::kPdu, Scope::Level::kTeam})
    if (unit == reporting::ToString(level)) return level;
  return std::nullopt;
}

// The criteria as given, checked and made canonical (kinds sorted, no repeats).
Result<SampleCriteria> Checked(SampleCriteria c) {
  if (c.scope.level == Scope::Level::kOfficer)
    return Error::Invalid("unknown_code", "a sample is of all units, a region, a PDU or a team",
                          "unit");
  if (c.scope.level == Scope::Level::kAll) {
    c.scope.code.clear();
  } else if (c.scope.code.empty()) {
    const std::string unit = reporting::ToString(c.scope.level);
    return Error::Invalid("required", "give the " + unit + "'s code", unit);
  }
  c.scope.staff_id = 0;
  for (const auto& kind : c.kinds)
    if (!cases::Has(cases::SentenceKinds(), kind))
      return Error::Invalid("unknown_code",
                            "kinds are community_order, suspended_sentence_order, licence or pss",
                            "kinds");
  std::sort(c.kinds.begin(), c.kinds.end());
  c.kinds.erase(std::unique(c.kinds.begin(), c.kinds.end()), c.kinds.end());
  if (c.started_from && c.started_to && *c.started_to < *c.started_from)
    return Error::Invalid("invalid_range", "started_to is before started_from", "started_to");
  return c;
}

bool UnitKnown(const reporting::OrgLog& org, const Scope& scope) {
  switch (scope.level) {
    case Scope::Level::kTeam:
      return org.team_pdu.contains(scope.code);
    case Scope::Level::kPdu:
      return org.pdu_region.contains(scope.code);
    case Scope::Level::kRegion:
      return org.region_names.contains(scope.code) ||
             std::any_of(org.pdu_region.begin(), org.pdu_region.end(),
                         [&](const auto& p) { return p.second == scope.code; });
    default:
      return true;
  }
}

// The day a sentence started: a licence's or PSS's release, else the sentence date.
std::optional<Date> StartOf(const cases::Sentence& s) {
  if ((s.kind == "licence" || s.kind == "pss") && s.release_date) return ParseDate(*s.release_date);
  return ParseDate(s.sentence_date);
}

bool Matches(const reporting::CaseLog& c, const SampleCriteria& k, const reporting::OrgLog& org) {
  if (!reporting::InScope(k.scope, org, c.holdings.empty() ? nullptr : &c.holdings.back()))
    return false;
  if (k.kinds.empty() && !k.started_from && !k.started_to) return true;
  return std::any_of(c.sentences.begin(), c.sentences.end(), [&](const cases::Sentence& s) {
    if (!s.current()) return false;
    if (!k.kinds.empty() && !std::binary_search(k.kinds.begin(), k.kinds.end(), s.kind))
      return false;
    if (!k.started_from && !k.started_to) return true;
    const auto start = StartOf(s);
    return start && (!k.started_from || *start >= *k.started_from) &&
           (!k.started_to || *start <= *k.started_to);
  });
}

struct Population {
  std::vector<std::string> crns;  // sorted
  std::string head_hash;
};

// The population as of `through_seq`, from the log alone. kInvalid naming the unit's level when
// the log does not know the unit then.
Result<Population> PopulationAsOf(store::Transaction& tx, const SampleCriteria& k,
                                  int64_t through_seq) {
  const auto org = reporting::ReadOrg(tx, through_seq);
  if (!UnitKnown(org, k.scope)) {
    const std::string unit = reporting::ToString(k.scope.level);
    return Error::Invalid(
        "unknown_unit",
        "there was no " + unit + " " + k.scope.code + " as of seq " + std::to_string(through_seq),
        unit);
  }
  Population out;
  const auto held = reporting::CasesHeldBy(tx, k.scope, org, through_seq);
  reporting::ForEachCase(tx, held, through_seq, [&](const reporting::CaseLog& c) {
    if (Matches(c, k, org)) out.crns.push_back(c.crn);
  });
  std::sort(out.crns.begin(), out.crns.end());
  out.crns.erase(std::unique(out.crns.begin(), out.crns.end()), out.crns.end());
  if (through_seq == 0)
    out.head_hash = store::GenesisHash();
  else
    out.head_hash = reporting::EventHashAt(tx, through_seq).value_or("");
  return out;
}

Result<Draw> DrawIn(store::Transaction& tx, const SampleRequest& in) {
  if (in.size < 1 || in.size > kMaxSize)
    return Error::Invalid("out_of_range", "size is a whole number from 1 to 500", "size");
  auto criteria = Checked(in.criteria);
  if (!criteria) return criteria.error();
  reporting::Seed seed = reporting::FreshSeed();
  if (in.seed) {
    auto parsed = reporting::ParseSeed(*in.seed);
    if (!parsed) return Error::Invalid("invalid_seed", "seed is 64 hexadecimal characters", "seed");
    seed = *parsed;
  }
  const auto head = reporting::ReadLogHead(tx);
  int64_t through = head.seq;
  if (in.as_of_seq) {
    if (*in.as_of_seq < 1 || *in.as_of_seq > head.seq)
      return Error::Invalid("out_of_range",
                            "as_of_seq is a seq of the log, from 1 to " + std::to_string(head.seq),
                            "as_of_seq");
    through = *in.as_of_seq;
  }
  auto population = PopulationAsOf(tx, *criteria, through);
  if (!population) return population.error();
  Draw d;
  d.criteria = std::move(*criteria);
  d.seed = reporting::FormatSeed(seed);
  d.size = in.size;
  d.through_seq = through;
  d.head_hash = population->head_hash;
  d.population_count = static_cast<int64_t>(population->crns.size());
  d.crns = reporting::DrawSample(population->crns, seed, static_cast<size_t>(in.size));
  return d;
}

// The sample as a viewer sees it (nullptr: an operator, nothing withheld).
InspectionSample ViewOf(store::Transaction& tx, const reporting::SampleRow& row,
                        const Principal* who) {
  InspectionSample s;
  s.id = row.id;
  s.title = row.title;
  if (auto c = CriteriaFromJson(json::parse(row.criteria, nullptr, false)))
    s.criteria = std::move(*c);
  s.seed = row.seed;
  s.size = row.size;
  s.through_seq = row.through_seq;
  s.head_hash = row.head_hash;
  s.population_count = row.population_count;
  s.drawn_by = row.drawn_by;
  s.drawn_by_name = cases::ActorName(tx, row.drawn_by);
  s.drawn_at = row.drawn_at;
  // Rows past the draw's are replacements (a list reads no cases, only how many there are).
  const int64_t drawn = std::min<int64_t>(row.size, row.population_count);
  s.replacements = static_cast<int>(std::max<int64_t>(0, row.case_rows - drawn));
  s.version = 1 + s.replacements;
  std::map<std::string, std::string> names;
  auto name = [&](const std::string& actor) -> const std::string& {
    auto it = names.find(actor);
    if (it == names.end()) it = names.emplace(actor, cases::ActorName(tx, actor)).first;
    return it->second;
  };
  for (const auto& c : row.cases) {
    SampledCase out;
    out.position = c.position;
    out.crn = c.crn;
    out.replaces_crn = c.replaces_crn;
    out.added_by_name = name(c.added_by);
    out.added_at = c.added_at;
    s.cases.push_back(std::move(out));
  }
  // Each replacement marks the case it replaced.
  for (const auto& c : row.cases) {
    if (!c.replaces_crn) continue;
    for (auto& old : s.cases)
      if (old.crn == *c.replaces_crn) {
        old.current = false;
        old.replaced_by_crn = c.crn;
        old.replaced_reason = c.reason.value_or("");
        old.replaced_by_name = name(c.added_by);
        old.replaced_at = c.added_at;
      }
  }
  if (who != nullptr) {
    // A restricted case the viewer may not see keeps its place, without its CRN.
    std::map<std::string, bool> hidden;
    for (const auto& c : row.cases) {
      const auto record = cases::LoadCaseAccess(tx, c.crn);
      hidden[c.crn] =
          record && record->access.restricted() &&
          access::Decide(*who, access::Action::kReadCase, record->access).hide_existence;
    }
    for (auto& c : s.cases) {
      if (hidden[c.crn]) {
        c.withheld = true;
        c.crn.clear();
      }
      if (c.replaces_crn && hidden[*c.replaces_crn]) c.replaces_crn = "";
      if (c.replaced_by_crn && hidden[*c.replaced_by_crn]) c.replaced_by_crn = "";
    }
  }
  return s;
}

Result<reporting::SampleRow> SeenRow(store::Transaction& tx, const Principal* who, int64_t id) {
  if (who != nullptr) {
    if (auto ok = MaySeeAny(*who); !ok) return ok.error();
  }
  auto row = reporting::FindSampleRow(tx, id);
  if (!row) return Error::NotFound("not_found", "there is no such inspection sample");
  if (who != nullptr && !MaySee(*who, TeamCodesOf(tx, *who), *row))
    return Error::Forbidden("may_not_see_sample",
                            "an SPO sees only the samples of their own teams");
  return std::move(*row);
}

Result<Verification> VerifyIn(store::Transaction& tx, const Principal* who, int64_t id) {
  auto row = SeenRow(tx, who, id);
  if (!row) return row.error();
  auto criteria = CriteriaFromJson(json::parse(row->criteria, nullptr, false));
  if (!criteria) return Error::Internal("bad_criteria", "the sample's criteria are not readable");
  const auto seed = reporting::ParseSeed(row->seed);
  if (!seed) return Error::Internal("bad_seed", "the sample's seed is not readable");
  Verification v;
  for (const auto& c : row->cases)
    if (!c.replaces_crn) v.recorded.push_back(c.crn);
  const auto head = reporting::ReadLogHead(tx);
  if (row->through_seq > head.seq) {
    v.verdict = "The log ends at seq " + std::to_string(head.seq) + ", before the sample's seq " +
                std::to_string(row->through_seq) +
                ": this is not the log the sample was drawn from.";
    return v;
  }
  auto population = PopulationAsOf(tx, *criteria, row->through_seq);
  if (!population) {
    v.verdict = "The log no longer gives the sample's unit: " + population.error().message + ".";
    return v;
  }
  v.log_matches = population->head_hash == row->head_hash;
  v.population_count = static_cast<int64_t>(population->crns.size());
  v.redrawn = reporting::DrawSample(population->crns, *seed, static_cast<size_t>(row->size));
  // Each replacement must be the next unused case of the same order, given those before it.
  bool replacements_match = true;
  std::set<std::string, std::less<>> used;
  for (const auto& c : row->cases) {
    if (c.replaces_crn &&
        reporting::NextUnused(population->crns, *seed, used) != std::optional<std::string>(c.crn))
      replacements_match = false;
    used.insert(c.crn);
  }
  v.same = v.log_matches && v.redrawn == v.recorded &&
           v.population_count == row->population_count && replacements_match;
  const std::string as_of = "the log as of seq " + std::to_string(row->through_seq);
  if (v.same)
    v.verdict = "Verified: drawn again from " + as_of + " with the recorded seed, the same " +
                std::to_string(v.recorded.size()) + " case" + (v.recorded.size() == 1 ? "" : "s") +
                " of " + std::to_string(v.population_count) +
                " come out in the same order, and each replacement is the next case of that order.";
  else if (!v.log_matches)
    v.verdict = "Not verified: the event at seq " + std::to_string(row->through_seq) +
                " no longer has the recorded hash; the log has changed since the sample was drawn.";
  else if (v.redrawn != v.recorded || v.population_count != row->population_count)
    v.verdict = "Not verified: drawn again from " + as_of + ", the population has " +
                std::to_string(v.population_count) + " cases (recorded " +
                std::to_string(row->population_count) + ") and the cases drawn differ.";
  else
    v.verdict =
        "Not verified: the same cases were drawn, but a replacement is not the next case "
        "of the seeded order.";
  if (who != nullptr) {
    // A restricted case the viewer may not see is not named here either.
    auto view = ViewOf(tx, *row, who);
    std::set<std::string> shown;
    for (const auto& c : view.cases)
      if (!c.withheld) shown.insert(c.crn);
    for (auto* list : {&v.recorded, &v.redrawn})
      for (auto& crn : *list)
        if (!shown.contains(crn)) crn = "";
  }
  return v;
}

}  // namespace

json CriteriaJson(const SampleCriteria& c) {
  auto date = [](const std::optional<Date>& d) { return d ? json(FormatDate(*d)) : json(nullptr); };
  return {{"unit", reporting::ToString(c.scope.level)},
          {"code", c.scope.code},
          {"kinds", c.kinds},
          {"started_from", date(c.started_from)},
          {"started_to", date(c.started_to)}};
}

Result<SampleCriteria> CriteriaFromJson(const json& j) {
  if (!j.is_object())
    return Error::Invalid("invalid_criteria", "criteria is an object", "criteria");
  SampleCriteria c;
  const auto unit = j.find("unit");
  const auto level =
      unit != j.end() && unit->is_string() ? LevelOf(unit->get<std::string>()) : std::nullopt;
  if (!level) return Error::Invalid("unknown_code", "unit is all, region, pdu or team", "unit");
  c.scope.level = *level;
  if (const auto code = j.find("code"); code != j.end() && !code->is_null()) {
    if (!code->is_string()) return Error::Invalid("invalid_type", "code is a string", "code");
    c.scope.code = code->get<std::string>();
  }
  if (const auto kinds = j.find("kinds"); kinds != j.end() && !kinds->is_null()) {
    if (!kinds->is_array()) return Error::Invalid("invalid_type", "kinds is a list", "kinds");
    for (const auto& k : *kinds) {
      if (!k.is_string()) return Error::Invalid("invalid_type", "kinds are strings", "kinds");
      c.kinds.push_back(k.get<std::string>());
    }
  }
  for (auto [field, target] :
       {std::pair{"started_from", &c.started_from}, std::pair{"started_to", &c.started_to}}) {
    const auto value = j.find(field);
    if (value == j.end() || value->is_null()) continue;
    const auto day = value->is_string() ? ParseDate(value->get<std::string>()) : std::nullopt;
    if (!day)
      return Error::Invalid("invalid_date", std::string(field) + " is a date, YYYY-MM-DD", field);
    *target = *day;
  }
  return Checked(std::move(c));
}

std::string DescribeCriteria(const SampleCriteria& c) {
  std::string out;
  switch (c.scope.level) {
    case Scope::Level::kTeam:
      out = "Team " + c.scope.code;
      break;
    case Scope::Level::kPdu:
      out = "PDU " + c.scope.code;
      break;
    case Scope::Level::kRegion:
      out = "Region " + c.scope.code;
      break;
    default:
      out = "All units";
  }
  if (!c.kinds.empty()) {
    std::string kinds;
    for (const auto& k : c.kinds)
      kinds +=
          (kinds.empty() ? "" : " or ") + std::string(cases::LabelOf(cases::SentenceKinds(), k));
    out += "; current " + kinds;
  }
  if (c.started_from || c.started_to) {
    out += "; sentence started";
    if (c.started_from) out += " from " + LongDate(FormatDate(*c.started_from));
    if (c.started_to) out += " to " + LongDate(FormatDate(*c.started_to));
  }
  return out;
}

Result<Draw> DrawFromLog(store::Db& db, const SampleRequest& in) {
  auto tx = db.BeginRead();
  return DrawIn(tx, in);
}

Result<InspectionSample> DrawSample(store::Db& db, const Principal& who, const SampleRequest& in,
                                    UtcTime now) {
  if (auto ok = MayDraw(who); !ok) return ok.error();
  const std::string title = Trim(in.title);
  if (title.empty() || title.size() > kMaxTitle)
    return Error::Invalid("out_of_range",
                          "title says what the sample is for, in 1 to 200 characters", "title");
  // Drawn in a read transaction: the population is fixed by through_seq, so the write that
  // records it need not hold the log while every case is folded.
  auto draw = DrawFromLog(db, in);
  if (!draw) return draw.error();
  reporting::SampleRow row;
  row.title = title;
  row.scope_level = reporting::ToString(draw->criteria.scope.level);
  row.scope_code = draw->criteria.scope.code;
  row.criteria = CriteriaJson(draw->criteria).dump();
  row.seed = draw->seed;
  row.size = draw->size;
  row.through_seq = draw->through_seq;
  row.head_hash = draw->head_hash;
  row.population_count = draw->population_count;
  row.drawn_by = who.ActorId();
  row.drawn_at = now;
  auto tx = db.BeginWrite();
  row.id = reporting::InsertSampleRow(tx, row);
  int position = 0;
  for (const auto& crn : draw->crns)
    reporting::InsertSampleCase(tx, row.id,
                                {++position, crn, std::nullopt, std::nullopt, row.drawn_by, now});
  const json payload = {{"id", row.id},
                        {"title", row.title},
                        {"criteria", CriteriaJson(draw->criteria)},
                        {"seed", row.seed},
                        {"size", row.size},
                        {"through_seq", row.through_seq},
                        {"head_hash", row.head_hash},
                        {"population_count", row.population_count},
                        {"crns", draw->crns}};
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {Subject(row.id), "inspection_sample.drawn", payload}, now);
  auto stored = reporting::FindSampleRow(tx, row.id);
  auto out = ViewOf(tx, *stored, &who);
  tx.Commit();
  return out;
}

Result<InspectionSample> ReplaceSampledCase(store::Db& db, const Principal& who, int64_t id,
                                            const std::string& crn, const std::string& reason,
                                            std::optional<int> version, UtcTime now) {
  if (auto ok = MayDraw(who); !ok) return ok.error();
  const std::string why = Trim(reason);
  if (why.empty() || why.size() > kMaxReason)
    return Error::Invalid("out_of_range",
                          "reason says why the case is replaced, in 1 to 500 characters", "reason");
  auto tx = db.BeginWrite();
  auto row = SeenRow(tx, &who, id);
  if (!row) return row.error();
  const auto view = ViewOf(tx, *row, nullptr);
  if (version && *version != view.version)
    return Error{ErrorKind::kConflict, "stale_version",
                 "the sample has changed since you read it (version " +
                     std::to_string(view.version) + "); read it again",
                 "version"};
  const auto sampled = std::find_if(view.cases.begin(), view.cases.end(),
                                    [&](const SampledCase& c) { return c.crn == crn; });
  if (sampled == view.cases.end())
    return Error::Invalid("not_in_sample", crn + " is not in this sample", "crn");
  if (!sampled->current)
    return Error::Conflict("already_replaced", crn + " has already been replaced by " +
                                                   sampled->replaced_by_crn.value_or(""));
  auto criteria = CriteriaFromJson(json::parse(row->criteria, nullptr, false));
  const auto seed = reporting::ParseSeed(row->seed);
  if (!criteria || !seed)
    return Error::Internal("bad_sample", "the sample's criteria or seed are not readable");
  auto population = PopulationAsOf(tx, *criteria, row->through_seq);
  if (!population) return population.error();
  std::set<std::string, std::less<>> used;
  for (const auto& c : row->cases) used.insert(c.crn);
  const auto next = reporting::NextUnused(population->crns, *seed, used);
  if (!next)
    return Error::Conflict("population_exhausted",
                           "every case of the population is already in the sample");
  const int position = row->cases.empty() ? 1 : row->cases.back().position + 1;
  if (!reporting::InsertSampleCase(tx, id, {position, *next, crn, why, who.ActorId(), now}))
    return Error::Conflict("concurrent_replacement",
                           "someone else changed the sample at the same moment; read it again");
  const json payload = {{"id", id},
                        {"crn", crn},
                        {"replacement_crn", *next},
                        {"reason", why},
                        {"position", position}};
  store::AppendEvent(tx, {who.ActorId(), std::nullopt},
                     {Subject(id), "inspection_sample.case_replaced", payload}, now);
  auto stored = reporting::FindSampleRow(tx, id);
  auto out = ViewOf(tx, *stored, &who);
  tx.Commit();
  return out;
}

Result<std::vector<InspectionSample>> ListSamples(store::Db& db, const Principal& who) {
  if (auto ok = MaySeeAny(who); !ok) return ok.error();
  auto tx = db.BeginRead();
  const auto teams = TeamCodesOf(tx, who);
  std::vector<InspectionSample> out;
  for (const auto& row : reporting::ListSampleRows(tx))
    if (MaySee(who, teams, row)) out.push_back(ViewOf(tx, row, &who));
  return out;
}

Result<InspectionSample> FindSample(store::Db& db, const Principal& who, int64_t id) {
  auto tx = db.BeginRead();
  auto row = SeenRow(tx, &who, id);
  if (!row) return row.error();
  return ViewOf(tx, *row, &who);
}

Result<Verification> VerifySample(store::Db& db, const Principal& who, int64_t id) {
  auto tx = db.BeginRead();
  return VerifyIn(tx, &who, id);
}

Result<Verification> VerifySampleFromLog(store::Db& db, int64_t id) {
  auto tx = db.BeginRead();
  return VerifyIn(tx, nullptr, id);
}

Result<Principal> PrincipalOf(store::Db& db, const std::string& username) {
  auto tx = db.BeginRead();
  const auto account = access::FindAccount(tx, username);
  std::optional<Principal> principal;
  if (account && !account->account.disabled)
    principal = access::LoadPrincipal(tx, account->account.id);
  if (!principal) {
    Error missing = Error::NotFound("unknown_user", "there is no enabled account " + username);
    missing.field = "by";
    return missing;
  }
  return std::move(*principal);
}

std::string SampleCsv(const InspectionSample& s) {
  std::string out = "position,crn,status,replaces_crn,replaced_by_crn,reason\r\n";
  for (const auto& c : s.cases)
    out += CsvLine({std::to_string(c.position), c.withheld ? "" : c.crn,
                    c.current ? "in sample" : "replaced", c.replaces_crn.value_or(""),
                    c.replaced_by_crn.value_or(""), c.replaced_reason});
  return out;
}

std::string DrawCsv(const Draw& d) {
  std::string out = "position,crn,seed,through_seq\r\n";
  int position = 0;
  for (const auto& crn : d.crns)
    out += CsvLine({std::to_string(++position), crn, d.seed, std::to_string(d.through_seq)});
  return out;
}

}  // namespace probity::app
