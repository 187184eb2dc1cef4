// Runs the benchmarks, then prints each durable-append figure beside the raw commit rate of the
// same database and their ratio: a benchmark named BM_EventAppend_X pairs with BM_RawCommit_X.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

namespace {

class CollectingReporter : public benchmark::ConsoleReporter {
 public:
  CollectingReporter() : ConsoleReporter(OO_Tabular) {}  // plain text: figures go into notes

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates_[run.benchmark_name()] = it->second.value;
    }
  }

  void PrintPairs() const {
    bool header = false;
    for (const auto& [name, rate] : rates_) {
      const auto at = name.find("BM_EventAppend_");
      if (at == std::string::npos) continue;
      // "BM_EventAppend_Sqlite/min_time:2.000/real_time": the backend, then the run's settings.
      const std::string rest = name.substr(at + 15);
      const std::string backend = rest.substr(0, rest.find('/'));
      const std::string settings = rest.substr(backend.size());
      const auto raw = rates_.find("BM_RawCommit_" + backend + settings);
      if (raw == rates_.end()) continue;
      if (!header) {
        std::printf("\n%-10s %22s %22s %8s\n", "backend", "event appends/s", "raw commits/s",
                    "ratio");
        header = true;
      }
      std::printf("%-10s %22.0f %22.0f %7.2f\n", backend.c_str(), rate, raw->second,
                  rate / raw->second);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

namespace probity::bench {
void PrintCasePageSummary();  // case_page_bench.cc
}

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  CollectingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintPairs();
  probity::bench::PrintCasePageSummary();
  benchmark::Shutdown();
  return 0;
}
