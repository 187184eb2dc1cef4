#include "allocation/queue.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "cases/vocabulary.h"

namespace probity::allocation {

namespace {

bool CurrentOn(const cases::Registration& r, Date today) {
  const auto start = ParseDate(r.start_date);
  if (!start || *start > today) return false;
  if (!r.end_date) return true;
  const auto end = ParseDate(*r.end_date);
  return !end || *end > today;
}

// The registrations shown by their label, in order of seriousness after ROSH and MAPPA.
constexpr std::array kFlagTypes = {
    std::string_view{"terrorism"},        std::string_view{"domestic_abuse_perpetrator"},
    std::string_view{"child_protection"}, std::string_view{"restraining_order"},
    std::string_view{"weapons"},          std::string_view{"street_gangs"},
    std::string_view{"self_harm"},        std::string_view{"vulnerable"},
};

int RoshRank(std::string_view level) {
  return level == "very_high" ? 4 : level == "high" ? 3 : level == "medium" ? 2 : 1;
}

// The highest current level of a ROSH or MAPPA registration, or "" when there is none.
std::string HighestLevel(const std::vector<cases::Registration>& registrations,
                         std::string_view type, Date today) {
  std::string best;
  for (const auto& r : registrations) {
    if (r.type != type || !r.level || !CurrentOn(r, today)) continue;
    const bool higher = type == "rosh" ? best.empty() || RoshRank(*r.level) > RoshRank(best)
                                       : best.empty() || *r.level > best;
    if (higher) best = *r.level;
  }
  return best;
}

}  // namespace

std::vector<std::string> RiskFlagsOf(const std::vector<cases::Registration>& registrations,
                                     Date today) {
  std::vector<std::string> flags;
  if (const auto rosh = HighestLevel(registrations, "rosh", today); !rosh.empty()) {
    std::string label(cases::LabelOf(cases::RoshLevels(), rosh));
    std::transform(label.begin(), label.end(), label.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    flags.push_back("ROSH " + label);
  }
  if (const auto mappa = HighestLevel(registrations, "mappa", today); !mappa.empty())
    flags.push_back("MAPPA level " + mappa);
  for (const auto type : kFlagTypes)
    for (const auto& r : registrations)
      if (r.type == type && CurrentOn(r, today)) {
        flags.emplace_back(cases::LabelOf(cases::RegistrationTypes(), type));
        break;
      }
  return flags;
}

bool IsHighRisk(const std::vector<cases::Registration>& registrations, Date today) {
  const auto rosh = HighestLevel(registrations, "rosh", today);
  const auto mappa = HighestLevel(registrations, "mappa", today);
  return rosh == "high" || rosh == "very_high" || mappa == "2" || mappa == "3";
}

std::optional<cases::Sentence> WaitingOn(const std::vector<cases::Sentence>& sentences,
                                         Date today) {
  std::optional<cases::Sentence> best;
  for (const auto& s : sentences) {
    const auto on = ParseDate(s.sentence_date);
    if (s.status != "active" || !on || *on > today) continue;
    if (!best || s.sentence_date > best->sentence_date ||
        (s.sentence_date == best->sentence_date && s.id > best->id))
      best = s;
  }
  return best;
}

UtcTime WaitingSince(const std::vector<cases::Allocation>& newest_first, UtcTime fallback) {
  if (!newest_first.empty() && !newest_first.front().staff_id) return newest_first.front().from;
  return fallback;
}

void SortByUrgency(std::vector<QueueEntry>& entries) {
  // 0: first appointment missed; 1: due; 2: met or none to wait for.
  auto rank = [](const QueueEntry& e) {
    if (!e.first_appointment) return 2;
    return e.first_appointment->status == "missed" ? 0
           : e.first_appointment->status == "due"  ? 1
                                                   : 2;
  };
  std::stable_sort(entries.begin(), entries.end(), [&](const QueueEntry& a, const QueueEntry& b) {
    const int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (ra < 2 && a.first_appointment->due_by != b.first_appointment->due_by)
      return a.first_appointment->due_by < b.first_appointment->due_by;
    if (a.waiting_since != b.waiting_since) return a.waiting_since < b.waiting_since;
    return a.person.crn < b.person.crn;
  });
}

}  // namespace probity::allocation
