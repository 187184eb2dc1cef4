#include "risk/from_record.h"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>

#include "core/uk_time.h"

namespace probity::risk {

namespace {

// The case record's registration types (cases::RegistrationTypes()) the tier reads, and how.
constexpr std::array<std::pair<std::string_view, Complexity>, 10> kComplexityOfRegistration = {{
    {"mental_health_issues", Complexity::kMentalHealth},
    {"self_harm", Complexity::kSelfHarm},
    {"vulnerable", Complexity::kVulnerable},
    {"care_leaver", Complexity::kCaredForChild},
    {"child_protection", Complexity::kChildProtection},
    {"child_concerns", Complexity::kChildConcerns},
    {"public_interest", Complexity::kPublicInterest},
    {"adult_at_risk", Complexity::kAdultAtRisk},
    {"street_gangs", Complexity::kStreetGangs},
    {"terrorism", Complexity::kTerrorism},
}};
constexpr std::string_view kRosh = "rosh";
constexpr std::string_view kMappa = "mappa";
constexpr std::string_view kParental = "parental_responsibilities";
constexpr std::string_view kImpulsivity = "impulsivity_temper";
// Registration types that do not enter the tier. Domestic abuse and the rest inform risk
// management plans, but the public tiering rules give them no points.
constexpr std::array<std::string_view, 4> kIgnoredRegistrations = {
    "domestic_abuse_perpetrator",
    "domestic_abuse_victim",
    "restraining_order",
    "weapons",
};

// The case record's need areas (cases::NeedAreas()) and the tier's needs.
constexpr std::array<std::pair<std::string_view, Need>, kNeedCount> kNeedOfArea = {{
    {"accommodation", Need::kAccommodation},
    {"education_training_employment", Need::kEducationTrainingEmployment},
    {"relationships", Need::kRelationships},
    {"lifestyle", Need::kLifestyle},
    {"drugs", Need::kDrugs},
    {"alcohol", Need::kAlcohol},
    {"thinking_behaviour", Need::kThinkingAndBehaviour},
    {"attitudes", Need::kAttitudes},
}};
// Recorded for the practitioner, not weighed by the tier.
constexpr std::array<std::string_view, 3> kIgnoredNeedAreas = {
    "finance",
    "mental_health",
    "learning_difficulty",
};

// cases::SentenceKinds(): whether each follows custody.
constexpr std::array<std::pair<std::string_view, bool>, 4> kFollowsCustody = {{
    {"community_order", false},
    {"suspended_sentence_order", false},
    {"licence", true},
    {"pss", true},
}};

// cases::RequirementTypes(): unpaid work alone gives no mandate for change.
constexpr std::array<std::pair<std::string_view, bool>, 12> kRequirementGivesMandate = {{
    {"rehabilitation_activity", true},
    {"unpaid_work", false},
    {"accredited_programme", true},
    {"curfew", true},
    {"drug_rehabilitation", true},
    {"alcohol_treatment", true},
    {"mental_health_treatment", true},
    {"exclusion", true},
    {"prohibited_activity", true},
    {"residence", true},
    {"attendance_centre", true},
    {"alcohol_abstinence", true},
}};

template <class Table>
auto Lookup(const Table& table, std::string_view code)
    -> std::optional<typename Table::value_type::second_type> {
  for (const auto& [key, value] : table)
    if (key == code) return value;
  return std::nullopt;
}

template <class Table>
bool Contains(const Table& table, std::string_view code) {
  return std::find(table.begin(), table.end(), code) != table.end();
}

[[noreturn]] void Broken(const std::string& what, std::string_view code) {
  throw std::logic_error("risk::TierFromRecord: " + what + " \"" + std::string(code) +
                         "\" is not in the case vocabulary");
}

Error CannotScoreError(CannotScore reason, std::string message, std::string field) {
  return Error::Invalid(ToString(reason), std::move(message), std::move(field));
}

// Dates in the record are "YYYY-MM-DD", which sorts as text: comparing the text compares the
// days, with no parse that could fail.
bool OnOrBefore(std::string_view iso_date, std::string_view today) { return iso_date <= today; }

bool CurrentOn(const cases::Registration& r, std::string_view today) {
  return OnOrBefore(r.start_date, today) && !(r.end_date && OnOrBefore(*r.end_date, today));
}

bool SentenceCurrentOn(const cases::Sentence& s, std::string_view today) {
  return s.current() && OnOrBefore(s.sentence_date, today);
}

std::optional<Gender> GenderOf(const RecordFacts& facts) {
  if (auto g = ParseGender(facts.gender)) return g;
  return facts.chosen_scale;
}

int LevelIndex(std::string_view code, const std::string& what) {
  if (auto rosh = ParseRosh(code)) return static_cast<int>(*rosh);
  Broken(what, code);
}

int MappaLevel(std::string_view code) {
  if (code == "1") return 1;
  if (code == "2") return 2;
  if (code == "3") return 3;
  Broken("MAPPA level", code);
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

const char* ToString(RsrKind kind) { return kind == RsrKind::kDynamic ? "dynamic" : "static"; }

RecordFacts FactsOf(const cases::CaseRecord& record) {
  RecordFacts facts;
  facts.date_of_birth = record.person.date_of_birth;
  facts.gender = record.person.gender;
  facts.iom = record.person.iom;
  facts.sentences = record.sentences;
  facts.requirements = record.requirements;
  facts.registrations = record.registrations;
  facts.needs = record.needs;
  facts.convictions = record.convictions;
  return facts;
}

const char* ToString(CannotScore reason) {
  switch (reason) {
    case CannotScore::kNoCurrentSentence:
      return "no_current_sentence";
    case CannotScore::kGenderNeedsChoice:
      return "gender_needs_choice";
    case CannotScore::kNoConvictionHistory:
      return "no_conviction_history";
    case CannotScore::kNoReleaseDate:
      return "no_release_date";
    case CannotScore::kUnknownOffenceGroup:
      return "unknown_offence_group";
    case CannotScore::kUnreadableDate:
      return "unreadable_date";
  }
  return "";
}

std::optional<CannotScore> CannotScoreOf(const Error& error) {
  for (CannotScore reason : {CannotScore::kNoCurrentSentence, CannotScore::kGenderNeedsChoice,
                             CannotScore::kNoConvictionHistory, CannotScore::kNoReleaseDate,
                             CannotScore::kUnknownOffenceGroup, CannotScore::kUnreadableDate})
    if (error.code == ToString(reason)) return reason;
  return std::nullopt;
}

const cases::Sentence* CurrentSentenceOf(const RecordFacts& facts, Date today) {
  const std::string day = FormatDate(today);
  const cases::Sentence* latest = nullptr;
  for (const auto& s : facts.sentences) {
    if (!SentenceCurrentOn(s, day)) continue;
    if (!latest || s.sentence_date > latest->sentence_date ||
        (s.sentence_date == latest->sentence_date && s.id > latest->id))
      latest = &s;
  }
  return latest;
}

Result<Ogrs3Input> Ogrs3FromRecord(const RecordFacts& facts, Date today) {
  const cases::Sentence* current = CurrentSentenceOf(facts, today);
  if (!current)
    return CannotScoreError(CannotScore::kNoCurrentSentence,
                            "OGRS3 scores a current sentence, and there is none", "sentences");
  const auto gender = GenderOf(facts);
  if (!gender)
    return CannotScoreError(CannotScore::kGenderNeedsChoice,
                            "OGRS3 is published for men and women only: choose which scale "
                            "applies to a person recorded as " +
                                facts.gender,
                            "gender");
  if (facts.convictions.empty())
    return CannotScoreError(CannotScore::kNoConvictionHistory,
                            "no conviction is recorded: record the previous convictions, or the "
                            "current one on its sentence date when it is the first",
                            "convictions");
  const auto offence = ParseOffenceGroup(current->offence_group);
  if (!offence)
    return CannotScoreError(CannotScore::kUnknownOffenceGroup,
                            "the current sentence's offence group \"" + current->offence_group +
                                "\" is not an OGRS3 group",
                            "offence_group");
  const auto born = ParseDate(facts.date_of_birth);
  if (!born)
    return CannotScoreError(CannotScore::kUnreadableDate,
                            "the date of birth is not a date: " + facts.date_of_birth,
                            "date_of_birth");
  const auto convicted = ParseDate(current->sentence_date);
  if (!convicted)
    return CannotScoreError(CannotScore::kUnreadableDate,
                            "the sentence date is not a date: " + current->sentence_date,
                            "sentence_date");

  Ogrs3Input in;
  in.gender = *gender;
  in.date_of_birth = *born;
  in.conviction_date = *convicted;
  in.offence_group = *offence;

  const auto custody = FollowsCustody(current->kind);
  if (!custody) Broken("sentence kind", current->kind);
  if (*custody) {
    if (!current->release_date)
      return CannotScoreError(CannotScore::kNoReleaseDate,
                              "follow-up starts on release, and the " +
                                  std::string(current->kind == "pss" ? "PSS" : "licence") +
                                  " has no release date",
                              "release_date");
    const auto released = ParseDate(*current->release_date);
    if (!released)
      return CannotScoreError(CannotScore::kUnreadableDate,
                              "the release date is not a date: " + *current->release_date,
                              "release_date");
    in.follow_up_start = *released;
  } else {
    in.follow_up_start = *convicted;
  }

  std::set<Date> earlier_days;
  Date first = *convicted;
  for (const auto& c : facts.convictions) {
    const auto on = ParseDate(c.conviction_date);
    if (!on)
      return CannotScoreError(CannotScore::kUnreadableDate,
                              "a conviction date is not a date: " + c.conviction_date,
                              "conviction_date");
    if (*on < *convicted) earlier_days.insert(*on);
    first = std::min(first, *on);
  }
  in.total_sanctions = 1 + static_cast<int>(earlier_days.size());
  in.age_at_first_sanction = WholeYears(*born, first);
  return in;
}

Result<Ogrs3Score> ScoreOgrs3FromRecord(const RecordFacts& facts, Date today) {
  auto in = Ogrs3FromRecord(facts, today);
  if (!in) return in.error();
  return ScoreOgrs3(*in);
}

TierQuestion TierFromRecord(const RecordFacts& facts, Date today) {
  const std::string day = FormatDate(today);
  TierQuestion q;
  TierInput& in = q.input;

  if (auto gender = GenderOf(facts)) {
    in.gender = *gender;
  } else {
    in.gender = Gender::kMale;
    q.notes.push_back("Gender recorded as " + facts.gender +
                      " and no scale chosen: the women-only factors are not counted");
  }

  if (facts.rsr) {
    in.rsr_percent = facts.rsr->percent;
    q.rsr = facts.rsr;
  }

  std::optional<int> rosh_index;
  for (const auto& r : facts.registrations) {
    if (!CurrentOn(r, day)) continue;
    if (r.type == kRosh) {
      const int level = LevelIndex(r.level.value_or(""), "ROSH level");
      rosh_index = std::max(rosh_index.value_or(level), level);
    } else if (r.type == kMappa) {
      const int level = MappaLevel(r.level.value_or(""));
      in.mappa_level = std::max(in.mappa_level.value_or(level), level);
    } else if (r.type == kParental) {
      in.parental_responsibilities = true;
    } else if (r.type == kImpulsivity) {
      in.impulsivity_or_temper = true;
    } else if (auto c = ComplexityOfRegistration(r.type)) {
      if (std::find(in.complexity.begin(), in.complexity.end(), *c) == in.complexity.end())
        in.complexity.push_back(*c);
    } else if (!IsIgnoredRegistration(r.type)) {
      Broken("registration type", r.type);
    }
  }
  if (rosh_index) in.rosh = static_cast<Rosh>(*rosh_index);
  std::sort(in.complexity.begin(), in.complexity.end());
  in.previous_breach_or_recall = facts.previous_breach_or_recall;

  std::set<int64_t> current_sentences;
  for (const auto& s : facts.sentences) {
    if (!SentenceCurrentOn(s, day)) continue;
    current_sentences.insert(s.id);
    const auto custody = FollowsCustody(s.kind);
    if (!custody) Broken("sentence kind", s.kind);
    if (*custody) in.mandate_for_change = true;
  }
  for (const auto& r : facts.requirements) {
    const auto gives = RequirementGivesMandate(r.type);
    if (!gives) Broken("requirement type", r.type);
    if (r.status == "active" && OnOrBefore(r.start_date, day) &&
        !(r.end_date && OnOrBefore(*r.end_date, day)) &&
        current_sentences.contains(r.sentence_id) && *gives)
      in.mandate_for_change = true;
  }

  // The latest row of each tier need: later assessed_on, then higher id.
  std::array<const cases::Need*, kNeedCount> latest{};
  for (const auto& n : facts.needs) {
    const auto need = NeedOfArea(n.need);
    if (!need) {
      if (IsIgnoredNeedArea(n.need)) continue;
      Broken("need", n.need);
    }
    if (!OnOrBefore(n.assessed_on, day)) continue;
    const cases::Need*& slot = latest[static_cast<size_t>(*need)];
    if (!slot || n.assessed_on > slot->assessed_on ||
        (n.assessed_on == slot->assessed_on && n.id > slot->id))
      slot = &n;
  }
  if (std::any_of(latest.begin(), latest.end(), [](const cases::Need* n) { return n; })) {
    NeedsAssessment needs;
    for (size_t i = 0; i < kNeedCount; ++i) {
      if (!latest[i]) continue;
      const auto severity = ParseSeverity(latest[i]->severity);
      if (!severity) Broken("need severity", latest[i]->severity);
      needs.severity[i] = *severity;
    }
    in.needs = needs;
  }

  auto score = ScoreOgrs3FromRecord(facts, today);
  if (score) {
    in.ogrs3_two_year_percent = score->two_year_percent;
    q.ogrs3 = *score;
  } else {
    q.notes.push_back("OGRS3 not scored (counts 0): " + score.error().message);
    q.ogrs3_refused = std::move(score).error();
  }

  in.integrated_offender_management = facts.iom;
  return q;
}

bool TierChanged(const std::optional<std::string>& stored, const Tier& calculated) {
  return !stored || *stored != calculated.Code();
}

TierExplanation ExplainTier(const Tier& tier, const TierQuestion& question) {
  TierExplanation out;
  out.title = "Why is this case " + tier.Code() + "?";
  out.protect_summary = "Protect level " + std::string(1, tier.protect_level) + ": " +
                        Plural(tier.protect_points, "point", "points");
  bool rule_set_change = false;
  for (const auto& item : tier.breakdown) {
    ExplanationLine line{item.code, item.label, item.points};
    if (item.code == "rsr" && question.rsr) {
      const auto& a = *question.rsr;
      line.label += " (" + std::string(ToString(a.kind)) + ", " +
                    LongDate(FormatDate(a.assessed_on)) +
                    (a.assessed_by.empty() ? "" : ", by " + a.assessed_by) + ")";
    }
    if (item.code == "ogrs3" && question.ogrs3)
      line.label += " (" + std::string(LabelOf(question.ogrs3->band)) + ")";
    if (item.code == "no_mandate_for_change" || item.code == "no_needs_assessment") {
      rule_set_change = true;
      out.change_summary = "Change level " + std::to_string(tier.change_level) + ": " + item.label;
    }
    (item.scale == TierItem::Scale::kProtect ? out.protect : out.change).push_back(std::move(line));
  }
  if (!rule_set_change)
    out.change_summary = "Change level " + std::to_string(tier.change_level) + ": " +
                         Plural(tier.change_points, "point", "points");
  out.notes = question.notes;
  return out;
}

std::optional<Complexity> ComplexityOfRegistration(std::string_view registration_type) {
  return Lookup(kComplexityOfRegistration, registration_type);
}

std::optional<Need> NeedOfArea(std::string_view need_area) {
  return Lookup(kNeedOfArea, need_area);
}

bool IsTierRegistration(std::string_view registration_type) {
  return registration_type == kRosh || registration_type == kMappa ||
         registration_type == kParental || registration_type == kImpulsivity;
}

bool IsIgnoredRegistration(std::string_view registration_type) {
  return Contains(kIgnoredRegistrations, registration_type);
}

bool IsIgnoredNeedArea(std::string_view need_area) {
  return Contains(kIgnoredNeedAreas, need_area);
}

std::optional<bool> FollowsCustody(std::string_view sentence_kind) {
  return Lookup(kFollowsCustody, sentence_kind);
}

std::optional<bool> RequirementGivesMandate(std::string_view requirement_type) {
  return Lookup(kRequirementGivesMandate, requirement_type);
}

}  // namespace probity::risk
