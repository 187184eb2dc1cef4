#include "letters/letter.h"

#include <array>

#include "appointments/vocabulary.h"
#include "cases/vocabulary.h"
#include "core/ordinal.h"
#include "core/uk_time.h"

namespace probity::letters {

namespace {

using nlohmann::json;

std::string Label(cases::Vocabulary vocabulary, std::string_view code) {
  return std::string(cases::LabelOf(vocabulary, code));
}

std::string DayOf(UtcTime at) { return LongDate(FormatDate(UkDateOf(at))); }

std::string Lowered(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::vector<std::string> AddressLines(const cases::Address& a) {
  std::vector<std::string> lines{a.line1};
  if (a.line2 && !a.line2->empty()) lines.push_back(*a.line2);
  lines.push_back(a.town);
  lines.push_back(a.postcode);
  return lines;
}

// An office's address is one text ("1 Park Row, Leeds, LS1 5HD"): a line per comma.
std::vector<std::string> SplitAddress(const std::string& text) {
  std::vector<std::string> lines;
  size_t from = 0;
  while (from <= text.size()) {
    const auto comma = text.find(',', from);
    std::string line =
        text.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    const auto first = line.find_first_not_of(' ');
    if (first != std::string::npos) lines.push_back(line.substr(first));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return lines;
}

std::string RequirementLine(const cases::Requirement& r) {
  std::string line = Label(cases::RequirementTypes(), r.type);
  if (r.amount > 0) line += ": " + std::to_string(r.amount) + " " + r.unit;
  return line;
}

std::string ConditionLine(const cases::LicenceCondition& c) {
  return c.description + " (" + Lowered(Label(cases::LicenceConditionTypes(), c.type)) +
         " condition)";
}

std::vector<std::string> NextSteps(const LetterFacts& f, const std::string& order) {
  const std::string window = std::to_string(f.window_months) + " months";
  switch (f.kind) {
    case LetterKind::kWarning:
      return {
          "This is a formal warning. You must keep every appointment you are given and follow "
          "the instructions of your probation officer.",
          "If you fail to comply again without an acceptable reason within " + window +
              ", you may be returned to court. The court can make your " + order +
              " more demanding, fine you, or sentence you again for the original offence.",
          "If you could not attend or comply for a reason you have not told us, or you think "
          "this letter is wrong, contact your probation officer straight away."};
    case LetterKind::kComplianceLetter:
      if (f.sentence.kind == "pss")
        return {
            "You must keep every appointment you are given and follow the requirements of "
            "your post-sentence supervision.",
            "Further failures to comply without an acceptable reason may lead to you being "
            "returned to court, which can fine you or send you to custody.",
            "If you could not attend or comply for a reason you have not told us, or you "
            "think this letter is wrong, contact your probation officer straight away."};
      return {
          "You must keep every appointment you are given and keep to all the conditions of "
          "your licence.",
          "Further failures to comply without an acceptable reason may lead to your recall to "
          "prison.",
          "If you could not attend or comply for a reason you have not told us, or you think "
          "this letter is wrong, contact your probation officer straight away."};
    case LetterKind::kBreach:
      return {
          "Because of these failures, breach action has begun: the matter is being returned "
          "to court.",
          "You will receive a summons telling you when and where you must attend court. If "
          "you do not attend, a warrant may be issued for your arrest.",
          "Your " + order +
              " continues until the court decides otherwise. You must keep every appointment "
              "you are given in the meantime: any further failure will be reported to the "
              "court."};
  }
  return {};
}

}  // namespace

std::optional<cases::Address> CurrentAddress(const std::vector<cases::Address>& addresses) {
  const cases::Address* open = nullptr;
  for (const auto& a : addresses) {
    if (a.end_date || a.status == "previous") continue;
    if (a.status == "main") return a;
    if (!open) open = &a;
  }
  return open ? std::optional<cases::Address>(*open) : std::nullopt;
}

Letter FillLetter(const LetterFacts& f) {
  Letter l;
  l.kind = f.kind;
  l.date = DayOf(f.issued_at);
  l.crn = f.person.crn;
  l.name = f.person.first_name + " " + f.person.last_name;
  if (auto address = CurrentAddress(f.addresses)) l.address_lines = AddressLines(*address);
  l.officer_name = f.officer_name;
  if (f.office) {
    l.office_name = f.office->name;
    l.office_address = SplitAddress(f.office->address);
  }

  const std::string kind_label = Label(cases::SentenceKinds(), f.sentence.kind);
  const bool licence = f.sentence.kind == "licence" || f.sentence.kind == "pss";
  const std::string order = licence ? Lowered(kind_label) : "order";
  l.sentence =
      kind_label + " made at " + f.sentence.court + " on " + LongDate(f.sentence.sentence_date);
  if (licence && f.sentence.release_date)
    l.sentence += "; released on " + LongDate(*f.sentence.release_date);
  l.offence = f.sentence.offence;
  if (licence) {
    l.conditions_heading = f.sentence.kind == "pss" ? "The requirements of your supervision"
                                                    : "The conditions of your licence";
    for (const auto& c : f.conditions) l.conditions.push_back(ConditionLine(c));
  } else {
    l.conditions_heading = "The requirements of your order";
    for (const auto& r : f.requirements) l.conditions.push_back(RequirementLine(r));
  }

  for (const auto& failure : f.failures)
    l.failures.push_back({Ordinal(failure.nth), DayOf(failure.starts_at),
                          LongTime(failure.starts_at), failure.appointment_type,
                          Label(appointments::Outcomes(), failure.outcome)});
  const FailureFact* last = f.failures.empty() ? nullptr : &f.failures.back();
  const std::string last_day = last ? DayOf(last->starts_at) : l.date;
  const int nth = last ? last->nth : 0;
  const std::string window = std::to_string(f.window_months) + " months";
  const std::string failures_counted =
      nth == 1 ? "This is the first unacceptable failure"
               : "This is the " + OrdinalWord(nth) + " unacceptable failure";
  l.count_text = failures_counted + " to comply with your " + Lowered(kind_label) +
                 " counted within " + window + ".";

  switch (f.kind) {
    case LetterKind::kWarning:
      l.title = "Warning letter: failure to comply on " + last_day;
      l.heading = "Formal warning: failure to comply with your " + Lowered(kind_label);
      break;
    case LetterKind::kComplianceLetter:
      l.title = "Licence compliance letter: failure to comply on " + last_day;
      l.heading = f.sentence.kind == "pss"
                      ? "Failure to comply with your post-sentence supervision"
                      : "Failure to comply with the conditions of your licence";
      break;
    case LetterKind::kBreach:
      l.title = "Breach letter: return to court after failure on " + last_day;
      l.heading = "Breach of your " + Lowered(kind_label) + ": return to court";
      break;
  }
  l.next_steps = NextSteps(f, order);
  l.rationale = f.rationale;
  return l;
}

json LetterData(const Letter& l) {
  json failures = json::array();
  for (const auto& f : l.failures)
    failures.push_back({{"nth", f.nth},
                        {"date", f.date},
                        {"time", f.time},
                        {"appointment_type", f.appointment_type},
                        {"outcome", f.outcome}});
  return {{"kind", ToString(l.kind)},
          {"title", l.title},
          {"heading", l.heading},
          {"date", l.date},
          {"crn", l.crn},
          {"name", l.name},
          {"has_address", !l.address_lines.empty()},
          {"address_lines", l.address_lines},
          {"officer_name", l.officer_name},
          {"has_office", !l.office_name.empty()},
          {"office_name", l.office_name},
          {"office_address", l.office_address},
          {"sentence", l.sentence},
          {"offence", l.offence},
          {"conditions_heading", l.conditions_heading},
          {"has_conditions", !l.conditions.empty()},
          {"conditions", l.conditions},
          {"failures", std::move(failures)},
          {"count_text", l.count_text},
          {"next_steps", l.next_steps},
          {"has_rationale", !l.rationale.empty()},
          {"rationale", l.rationale}};
}

std::string TemplateOf(LetterKind kind) {
  switch (kind) {
    case LetterKind::kWarning:
      return "letters/warning";
    case LetterKind::kComplianceLetter:
      return "letters/compliance_letter";
    case LetterKind::kBreach:
      return "letters/breach";
  }
  return "letters/warning";
}

}  // namespace probity::letters
