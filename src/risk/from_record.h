// A case's OGRS3 and tier questions read from its own record (issue 9, "from the record"): the
// pure step between the rows the app layer loads and the calculators (risk/ogrs3.h,
// risk/tier.h). Each rule, and why, is in docs/risk.md "From the record".
//
// What it reads: the case record's value types (cases/model.h) and codes (cases/vocabulary.h),
// both pure; plus three facts the case record does not hold yet (the latest RSR assessment, a
// practitioner's choice of scale for a person recorded with another gender, and whether the
// person was ever breached or recalled), which the caller supplies.
//
// Pure: no database, clock, log or configuration. `today` is the day the question is asked on.
// A code outside the case vocabularies is a broken invariant (every stored code was checked on
// the way in, and from_record_test.cc fails when a vocabulary gains a code without a mapping
// here): TierFromRecord, and Ogrs3FromRecord for a sentence kind, throw std::logic_error naming it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/model.h"
#include "core/date.h"
#include "core/result.h"
#include "risk/decimal.h"
#include "risk/model.h"
#include "risk/ogrs3.h"
#include "risk/tier.h"

namespace probity::risk {

// RSR as an assessment recorded it, until Probity computes RSR itself (shared reference risk.md).
enum class RsrKind { kStatic, kDynamic };
const char* ToString(RsrKind kind);  // "static", "dynamic"
struct RsrAssessment {
  Decimal percent;  // 0-100 (CalculateTier refuses anything else)
  RsrKind kind = RsrKind::kStatic;
  Date assessed_on{};
  std::string assessed_by;  // a name, for the "why" lines
};

// What a case's scores are read from. The case record's rows come as the store reads them, in
// any order; needs may be every row ever recorded or only the latest of each (FactsOf gives the
// latest of each): the latest per need wins either way.
struct RecordFacts {
  std::string date_of_birth;  // the person's, "YYYY-MM-DD"
  std::string gender;         // cases::Genders(): male, female, other, not_stated
  bool iom = false;           // managed under integrated offender management
  std::vector<cases::Sentence> sentences;
  std::vector<cases::Requirement> requirements;
  std::vector<cases::Registration> registrations;
  std::vector<cases::Need> needs;
  std::vector<cases::Conviction> convictions;

  // Not in the case record (yet); the caller supplies them.
  // The scale a practitioner chose for a person recorded as other or not stated. Ignored for a
  // person recorded as male or female: the record wins.
  std::optional<Gender> chosen_scale;
  std::optional<RsrAssessment> rsr;        // the latest RSR assessment; nullopt: none recorded
  bool previous_breach_or_recall = false;  // any breach or recall, on any sentence, ever
};

// The facts a case record holds (person, sentences, requirements, registrations, needs,
// convictions); chosen_scale, rsr and previous_breach_or_recall are left for the caller.
RecordFacts FactsOf(const cases::CaseRecord& record);

// Why OGRS3 cannot be scored from the record. Each is an Error of kind kInvalid (fixing the
// record fixes it) with the code below and `field` naming what to record.
enum class CannotScore {
  kNoCurrentSentence,    // "no_current_sentence", field "sentences"
  kGenderNeedsChoice,    // "gender_needs_choice", field "gender": other or not stated, no choice
  kNoConvictionHistory,  // "no_conviction_history", field "convictions": no conviction recorded
  kNoReleaseDate,        // "no_release_date", field "release_date": a licence or PSS without one
  kUnknownOffenceGroup,  // "unknown_offence_group", field "offence_group"
  kUnreadableDate,       // "unreadable_date", field: the date ("date_of_birth", ...)
};
const char* ToString(CannotScore reason);
// The reason an error from Ogrs3FromRecord gives; nullopt for any other error (ScoreOgrs3's own
// refusals, "too_young" and the like, pass through ScoreOgrs3FromRecord unchanged).
std::optional<CannotScore> CannotScoreOf(const Error& error);

// The sentence OGRS3 is scored for: of the sentences current on `today` (status active, sentence
// date on or before today), the one with the latest sentence date; on a tie, the one recorded
// last (highest id). nullptr when there is none. Points into `facts`.
const cases::Sentence* CurrentSentenceOf(const RecordFacts& facts, Date today);

// The OGRS3 question for the current sentence (CurrentSentenceOf):
//   gender: the record's male or female, else chosen_scale, else kGenderNeedsChoice;
//   conviction_date: the current sentence's sentence date;
//   follow_up_start: the sentence date for a community or suspended sentence order, the release
//     date for a licence or PSS (kNoReleaseDate without one);
//   total_sanctions: 1 + the number of distinct days before conviction_date with a recorded
//     conviction (convictions on one day are one sanction; a conviction recorded on the sentence
//     date is the current one, not an earlier one; later ones are ignored);
//   age_at_first_sanction: whole years at the earliest recorded conviction, or at
//     conviction_date when none is earlier;
//   offence_group: the current sentence's.
// kNoConvictionHistory when the conviction table holds nothing at all for the person: an empty
// history cannot be told from one not yet entered, so a first offence is recorded as a conviction
// on the sentence date (docs/risk.md says why). The model's own checks are ScoreOgrs3's.
Result<Ogrs3Input> Ogrs3FromRecord(const RecordFacts& facts, Date today);
// Ogrs3FromRecord, then ScoreOgrs3: the score, a CannotScore error, or ScoreOgrs3's refusal.
Result<Ogrs3Score> ScoreOgrs3FromRecord(const RecordFacts& facts, Date today);

// The tier's question from the record, with what was worked out on the way.
struct TierQuestion {
  TierInput input;
  std::optional<Ogrs3Score> ogrs3;     // when OGRS3 could be scored
  std::optional<Error> ogrs3_refused;  // why not, otherwise (a CannotScore or ScoreOgrs3's)
  std::optional<RsrAssessment> rsr;    // the assessment behind input.rsr_percent
  // Things a reader of the tier should know: OGRS3 not scored and why; a gender other than male
  // or female with no scale chosen (the women-only factors are then not counted).
  std::vector<std::string> notes;
};

// The tier question on `today`:
//   gender: as for OGRS3; a person recorded as other or not stated with no scale chosen is asked
//     as a man (the women-only factors do not count), with a note;
//   rsr_percent: facts.rsr;
//   rosh, mappa_level: the highest level among the "rosh" and "mappa" registrations current on
//     `today` (start date on or before it, no end date on or before it);
//   complexity: each current complexity registration, mapped to the calculator's id
//     (mental_health_issues -> mental_health, care_leaver -> cared_for_child);
//   parental_responsibilities, impulsivity_or_temper: a current registration of that type
//     ("parental_responsibilities", "impulsivity_temper"); previous_breach_or_recall: the fact;
//   mandate_for_change: a current licence or PSS (each follows custody), or a current
//     requirement (status active, started on or before today, on a current sentence) other than
//     unpaid work;
//   needs: the latest severity of each of the eight tier needs (thinking_behaviour ->
//     thinking_and_behaviour; finance, mental_health and learning_difficulty are not the tier's
//     and are ignored; ties on a day go to the highest id; assessments after today ignored);
//     a tier need never assessed counts none; nullopt when none of the eight was ever assessed;
//   ogrs3_two_year_percent: ScoreOgrs3FromRecord's, or nullopt (counts 0) when it cannot score;
//   integrated_offender_management: facts.iom.
// Throws std::logic_error for a code outside the case vocabularies (a broken invariant).
TierQuestion TierFromRecord(const RecordFacts& facts, Date today);

// Whether the newly calculated tier differs from the one stored on the person (person.tier,
// nullopt when the case was never tiered): a change is what the tier's event records.
bool TierChanged(const std::optional<std::string>& stored, const Tier& calculated);

// "Why is this case B2?", for the person page: each breakdown item as a label and its points,
// the two scales' totals, and the notes.
struct ExplanationLine {
  std::string code;  // the breakdown item's FROZEN code (tier.h)
  std::string label;
  int points = 0;
};
struct TierExplanation {
  std::string title;            // "Why is this case B2?"
  std::string protect_summary;  // "Protect level B: 20 points"
  std::vector<ExplanationLine> protect;
  std::string change_summary;  // "Change level 2: 12 points", or the rule that set it
  std::vector<ExplanationLine> change;
  std::vector<std::string> notes;  // the question's notes
};
// The RSR line names its assessment ("RSR 7.1% (dynamic, 2 March 2026, by Jo Bloggs)") when the
// question carries one; the OGRS3 line its band.
TierExplanation ExplainTier(const Tier& tier, const TierQuestion& question);

// The mappings from the case record's codes, for the tests that keep them complete (nullopt:
// the tier does not use that code).
std::optional<Complexity> ComplexityOfRegistration(std::string_view registration_type);
std::optional<Need> NeedOfArea(std::string_view need_area);
// The registration types read for something other than complexity: rosh, mappa,
// parental_responsibilities, impulsivity_temper.
bool IsTierRegistration(std::string_view registration_type);
// Registration types the tier does not read (domestic abuse, restraining order, weapons...).
bool IsIgnoredRegistration(std::string_view registration_type);
bool IsIgnoredNeedArea(std::string_view need_area);
// A sentence kind's rules: whether it follows custody (a mandate for change; follow-up from the
// release date) or not (follow-up from the sentence date). nullopt for an unknown kind.
std::optional<bool> FollowsCustody(std::string_view sentence_kind);
// Whether a current requirement of this type is a mandate for change (every type but unpaid
// work); nullopt for an unknown type.
std::optional<bool> RequirementGivesMandate(std::string_view requirement_type);

}  // namespace probity::risk
