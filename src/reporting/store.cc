#include "reporting/store.h"

#include <algorithm>
#include <map>

#include "store/event_log.h"
#include "store/report_reads.h"

namespace probity::reporting {
namespace {

// Cases read per query: enough to amortise a round trip, few enough that one chunk's rows
// (about 23 report events a case at national scale, 9,000 a chunk) stay small.
constexpr size_t kChunk = 400;

}  // namespace

LogHead ReadLogHead(store::Transaction& tx) {
  const auto head = store::ReadChainHead(tx);
  return {head.seq, head.hash};
}

OrgLog ReadOrg(store::Transaction& tx, int64_t through_seq) {
  // Each kind is read on its own index, then all are applied in log order (a removal after its
  // adjustment, a rename after its creation).
  std::vector<store::EventRow> rows;
  for (const auto kind : OrgKinds()) {
    store::StreamEventsOfKind(tx, std::string(kind), through_seq, [&](const store::EventRow& e) {
      rows.push_back(e);
      return true;
    });
  }
  std::sort(rows.begin(), rows.end(),
            [](const store::EventRow& a, const store::EventRow& b) { return a.seq < b.seq; });
  OrgLog org;
  for (const auto& e : rows) org.Apply(e);
  return org;
}

std::vector<std::string> CasesHeldBy(store::Transaction& tx, const Scope& scope, const OrgLog& org,
                                     int64_t through_seq) {
  switch (scope.level) {
    case Scope::Level::kAll: {
      std::vector<std::string> crns;
      store::StreamEventsOfKind(tx, "person.registered", through_seq,
                                [&](const store::EventRow& e) {
                                  crns.push_back(e.subject);
                                  return true;
                                });
      std::sort(crns.begin(), crns.end());
      crns.erase(std::unique(crns.begin(), crns.end()), crns.end());
      return crns;
    }
    case Scope::Level::kOfficer:
      return store::SubjectsAllocatedToOfficer(tx, scope.staff_id, through_seq);
    case Scope::Level::kTeam:
    case Scope::Level::kPdu:
    case Scope::Level::kRegion:
      break;
  }
  // A unit is its teams as the organisation stands at `through_seq`, the same rule InScope
  // applies to each event; a team the organisation does not know counts only for itself.
  std::vector<std::string> teams;
  if (scope.level == Scope::Level::kTeam) {
    teams.push_back(scope.code);
  } else {
    Holding h;
    for (const auto& [team, pdu] : org.team_pdu) {
      h.team_code = team;
      if (InScope(scope, org, &h)) teams.push_back(team);
    }
  }
  return store::SubjectsAllocatedToTeams(tx, teams, through_seq);
}

int64_t ForEachCase(store::Transaction& tx, std::span<const std::string> crns, int64_t through_seq,
                    const std::function<void(const CaseLog&)>& visit) {
  int64_t events = 0;
  for (size_t first = 0; first < crns.size(); first += kChunk) {
    const auto chunk = crns.subspan(first, std::min(kChunk, crns.size() - first));
    const auto rows = store::EventsOfSubjects(tx, chunk, CaseKinds(), through_seq);
    events += static_cast<int64_t>(rows.size());
    // Rows come by subject; the chunk's CRNs are visited in the order given, each with its own.
    std::map<std::string_view, std::pair<size_t, size_t>> ranges;
    for (size_t i = 0; i < rows.size();) {
      size_t j = i;
      while (j < rows.size() && rows[j].subject == rows[i].subject) ++j;
      ranges[rows[i].subject] = {i, j};
      i = j;
    }
    const std::span<const store::EventRow> all(rows);
    for (const auto& crn : chunk) {
      const auto it = ranges.find(crn);
      if (it == ranges.end()) continue;
      visit(FoldCase(crn, all.subspan(it->second.first, it->second.second - it->second.first)));
    }
  }
  return events;
}

}  // namespace probity::reporting
