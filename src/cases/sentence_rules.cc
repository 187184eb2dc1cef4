#include "cases/sentence_rules.h"

#include <algorithm>

#include "cases/rules.h"
#include "cases/vocabulary.h"

namespace probity::cases {

namespace {
bool IsOrder(std::string_view kind) {
  return kind == "community_order" || kind == "suspended_sentence_order";
}

std::string KindLabel(std::string_view kind) { return std::string(LabelOf(SentenceKinds(), kind)); }

// A real date, not before `earliest` (the `what`: "start date") and, when given, not after
// `latest`. kInvalid `code` when too early.
Status CheckDateFrom(std::string_view date, const char* field, const std::string& earliest,
                     const char* what, const char* code,
                     std::optional<Date> latest = std::nullopt) {
  if (auto s = CheckDate(date, field, latest); !s) return s;
  if (date < earliest)
    return Error::Invalid(
        code, std::string(field) + " cannot be before the " + what + ", " + earliest, field);
  return Ok();
}

Status NotGiven(const std::optional<std::string>& value, const char* field, const char* why) {
  if (!value) return Ok();
  return Error::Invalid("not_applicable", std::string(why) + ": leave out " + field, field);
}

Status CheckLength(const NewSentence& s) {
  int max = kMaxSentenceMonths;
  if (s.kind == "community_order") max = kMaxCommunityOrderMonths;
  if (s.kind == "suspended_sentence_order") max = kMaxSuspendedSentenceOrderMonths;
  if (s.length_months >= 1 && s.length_months <= max) return Ok();
  return Error::Invalid("out_of_range",
                        "length_months must be 1 to " + std::to_string(max) +
                            (max == kMaxSentenceMonths ? "" : " for a " + KindLabel(s.kind)),
                        "length_months");
}

Status Active(const Sentence& s) {
  if (s.current()) return Ok();
  return Error::Conflict("sentence_not_active",
                         "the sentence was terminated on " + s.terminated_on.value_or("?"));
}
}  // namespace

bool TakesRequirements(std::string_view kind) { return IsOrder(kind); }
bool TakesLicenceConditions(std::string_view kind) { return kind == "licence" || kind == "pss"; }

std::optional<std::string> ExpectedEnd(const NewSentence& s) {
  if (IsOrder(s.kind)) {
    auto start = ParseDate(s.sentence_date);
    if (!start) return std::nullopt;
    return FormatDate(AddMonths(*start, s.length_months));
  }
  if (s.kind == "licence") {
    if (!s.licence_end || !ParseDate(*s.licence_end)) return std::nullopt;
    return s.licence_end;
  }
  if (s.kind == "pss") {
    if (s.expected_end) return ParseDate(*s.expected_end) ? s.expected_end : std::nullopt;
    auto release = s.release_date ? ParseDate(*s.release_date) : std::nullopt;
    if (!release) return std::nullopt;
    return FormatDate(AddMonths(*release, kPssMonthsAfterRelease));
  }
  return std::nullopt;
}

Result<Sentence> CheckNewSentence(const NewSentence& in, Date today) {
  if (auto s = CheckCode(in.kind, SentenceKinds(), "kind"); !s) return s.error();
  if (auto s = CheckText(in.court, "court"); !s) return s.error();
  if (auto s = CheckText(in.offence, "offence"); !s) return s.error();
  if (auto s = CheckCode(in.offence_group, OffenceGroups(), "offence_group"); !s) return s.error();
  if (auto s = CheckDate(in.sentence_date, "sentence_date", today); !s) return s.error();
  if (auto s = CheckLength(in); !s) return s.error();
  if (IsOrder(in.kind)) {
    const char* why = "an order is served in the community, with no release or licence";
    if (auto s = NotGiven(in.release_date, "release_date", why); !s) return s.error();
    if (auto s = NotGiven(in.licence_end, "licence_end", why); !s) return s.error();
    if (auto s = NotGiven(in.custody_type, "custody_type", why); !s) return s.error();
  } else {
    if (!in.release_date)
      return Error::Invalid("required", "a " + KindLabel(in.kind) + " needs a release_date",
                            "release_date");
    if (auto s = CheckDateFrom(*in.release_date, "release_date", in.sentence_date, "sentence date",
                               "before_sentence");
        !s)
      return s.error();
  }
  if (in.custody_type)
    if (auto s = CheckCode(*in.custody_type, CustodyTypes(), "custody_type"); !s) return s.error();
  if (in.kind == "licence") {
    if (!in.licence_end)
      return Error::Invalid("required", "a licence needs a licence_end", "licence_end");
    if (auto s = CheckDate(*in.licence_end, "licence_end"); !s) return s.error();
    if (*in.licence_end <= *in.release_date)
      return Error::Invalid("not_after_release",
                            "licence_end must be after the release date, " + *in.release_date,
                            "licence_end");
  }
  if (in.kind != "pss") {
    const char* why = "the expected end is worked out from the sentence (only PSS may give it)";
    if (auto s = NotGiven(in.expected_end, "expected_end", why); !s) return s.error();
  } else if (in.expected_end) {
    if (auto s = CheckDate(*in.expected_end, "expected_end"); !s) return s.error();
    if (*in.expected_end <= *in.release_date)
      return Error::Invalid("not_after_release",
                            "expected_end must be after the release date, " + *in.release_date,
                            "expected_end");
  }
  auto expected_end = ExpectedEnd(in);
  if (!expected_end)  // unreachable after the checks above: each date it needs is real
    return Error::Invalid("invalid_date", "the expected end cannot be worked out", "expected_end");
  if (in.kind == "pss" && in.licence_end) {
    if (auto s = CheckDate(*in.licence_end, "licence_end"); !s) return s.error();
    if (*in.licence_end <= *in.release_date || *in.licence_end > *expected_end)
      return Error::Invalid("out_of_range",
                            "licence_end must be after the release date, " + *in.release_date +
                                ", and not after the end of supervision, " + *expected_end,
                            "licence_end");
  }
  Sentence out;
  out.kind = in.kind;
  out.court = in.court;
  out.offence = in.offence;
  out.offence_group = in.offence_group;
  out.sentence_date = in.sentence_date;
  out.length_months = in.length_months;
  out.expected_end = *expected_end;
  out.release_date = in.release_date;
  out.licence_end = in.licence_end;
  out.custody_type = in.custody_type;
  out.status = "active";
  out.version = 1;
  return out;
}

Result<Sentence> TerminateSentence(const Sentence& sentence, const std::string& terminated_on,
                                   const std::string& reason, Date today) {
  if (auto s = Active(sentence); !s) return s.error();
  if (auto s = CheckDateFrom(terminated_on, "terminated_on", sentence.sentence_date,
                             "sentence date", "before_sentence", today);
      !s)
    return s.error();
  if (auto s = CheckCode(reason, TerminationReasons(), "reason"); !s) return s.error();
  Sentence out = sentence;
  out.status = "terminated";
  out.terminated_on = terminated_on;
  out.termination_reason = reason;
  return out;
}

int MaxRequirementAmount(std::string_view type) {
  if (type == "unpaid_work") return 300;
  if (type == "rehabilitation_activity") return 400;
  return 600;
}

Result<Requirement> CheckNewRequirement(const Sentence& sentence, const NewRequirement& in,
                                        Date today) {
  if (auto s = Active(sentence); !s) return s.error();
  if (!TakesRequirements(sentence.kind))
    return Error::Invalid("not_applicable",
                          "a " + KindLabel(sentence.kind) +
                              " takes licence conditions, not requirements: requirements belong "
                              "to community and suspended sentence orders",
                          "sentence_id");
  if (auto s = CheckCode(in.type, RequirementTypes(), "type"); !s) return s.error();
  const int max = MaxRequirementAmount(in.type);
  const std::string unit(RequirementUnit(in.type));
  if (in.amount < 1 || in.amount > max)
    return Error::Invalid("out_of_range",
                          "amount must be 1 to " + std::to_string(max) + " " + unit + " for " +
                              std::string(LabelOf(RequirementTypes(), in.type)),
                          "amount");
  if (auto s = CheckDateFrom(in.start_date, "start_date", sentence.sentence_date, "sentence date",
                             "before_sentence", today);
      !s)
    return s.error();
  Requirement out;
  out.sentence_id = sentence.id;
  out.type = in.type;
  out.amount = in.amount;
  out.unit = unit;
  out.progress = 0;
  out.status = "active";
  out.start_date = in.start_date;
  out.version = 1;
  return out;
}

namespace {
Status Active(const Requirement& r) {
  if (IsActive(r)) return Ok();
  return Error::Conflict("requirement_not_active",
                         "the requirement ended (" + r.status + ") on " + r.end_date.value_or("?"));
}
}  // namespace

Result<Requirement> RecordProgress(const Requirement& r, int progress, Date today) {
  if (auto s = Active(r); !s) return s.error();
  if (progress < 0 || progress > r.amount)
    return Error::Invalid(
        "out_of_range",
        "progress is the total so far: 0 to " + std::to_string(r.amount) + " " + r.unit,
        "progress");
  if (progress == r.progress)
    return Error::Invalid(
        "no_change", "progress is already " + std::to_string(progress) + " " + r.unit, "progress");
  Requirement out = r;
  out.progress = progress;
  if (progress == r.amount) {
    out.status = "completed";
    out.end_date = std::max(FormatDate(today), r.start_date);
    out.end_reason = "completed";
  }
  return out;
}

Result<Requirement> EndRequirement(const Requirement& r, const std::string& end_date,
                                   const std::string& reason, Date today) {
  if (auto s = Active(r); !s) return s.error();
  if (auto s =
          CheckDateFrom(end_date, "end_date", r.start_date, "start date", "before_start", today);
      !s)
    return s.error();
  if (auto s = CheckCode(reason, RequirementEndReasons(), "reason"); !s) return s.error();
  Requirement out = r;
  out.status = reason == "completed" ? "completed" : "terminated";
  out.end_date = end_date;
  out.end_reason = reason;
  return out;
}

Result<LicenceCondition> CheckNewLicenceCondition(const Sentence& sentence,
                                                  const NewLicenceCondition& in) {
  if (auto s = Active(sentence); !s) return s.error();
  if (!TakesLicenceConditions(sentence.kind))
    return Error::Invalid("not_applicable",
                          "a " + KindLabel(sentence.kind) +
                              " takes requirements, not licence conditions: licence conditions "
                              "belong to licences and post-sentence supervision",
                          "sentence_id");
  if (auto s = CheckCode(in.type, LicenceConditionTypes(), "type"); !s) return s.error();
  if (auto s = CheckText(in.description, "description", 2000, /*multiline=*/true); !s)
    return s.error();
  const std::string release = sentence.release_date.value_or(sentence.sentence_date);
  const std::string start = in.start_date.value_or(release);
  if (auto s = CheckDateFrom(start, "start_date", release, "release date", "before_release"); !s)
    return s.error();
  LicenceCondition out;
  out.sentence_id = sentence.id;
  out.type = in.type;
  out.description = in.description;
  out.start_date = start;
  out.version = 1;
  return out;
}

Result<LicenceCondition> EndLicenceCondition(const LicenceCondition& c, const std::string& end_date,
                                             Date today) {
  if (!IsActive(c))
    return Error::Conflict("licence_condition_not_active",
                           "the licence condition ended on " + c.end_date.value_or("?"));
  // A condition set before release and withdrawn before it starts ends on its start date.
  const Date latest = std::max(today, ParseDate(c.start_date).value_or(today));
  if (auto s =
          CheckDateFrom(end_date, "end_date", c.start_date, "start date", "before_start", latest);
      !s)
    return s.error();
  LicenceCondition out = c;
  out.end_date = end_date;
  return out;
}

Requirement EndWithSentence(const Requirement& r, const std::string& terminated_on) {
  if (!IsActive(r)) return r;
  Requirement out = r;
  out.status = "terminated";
  out.end_date = std::max(terminated_on, r.start_date);
  out.end_reason = "sentence_ended";
  return out;
}

LicenceCondition EndWithSentence(const LicenceCondition& c, const std::string& terminated_on) {
  if (!IsActive(c)) return c;
  LicenceCondition out = c;
  out.end_date = std::max(terminated_on, c.start_date);
  return out;
}

}  // namespace probity::cases
