#include "cli/sample_command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/inspection_samples.h"
#include "cli/batch_run.h"

namespace probity::cli {

namespace {
using nlohmann::json;

struct Options {
  std::string db;
  int size = 0;
  std::string team, pdu, region;
  std::vector<std::string> kinds;
  std::string from, to;
  std::string seed;
  long long as_of_seq = 0;
  std::string format = "json";
  bool record = false;
  std::string by;
  std::string title = "Drawn with probity sample draw";
  long long id = 0;
};

int Fail(const Error& e) {
  std::cerr << "probity: " << e.message << (e.field.empty() ? "" : " (" + e.field + ")") << "\n";
  return e.kind == ErrorKind::kInvalid ? 2 : 1;
}

Result<app::SampleRequest> RequestOf(const Options& o) {
  json criteria = {{"unit", "all"}, {"code", ""}, {"kinds", o.kinds}};
  int units = 0;
  for (auto [unit, code] : {std::pair{"team", &o.team}, {"pdu", &o.pdu}, {"region", &o.region}})
    if (!code->empty()) {
      criteria["unit"] = unit;
      criteria["code"] = *code;
      ++units;
    }
  if (units > 1)
    return Error::Invalid("one_unit", "give at most one of --team, --pdu and --region", "unit");
  if (!o.from.empty()) criteria["started_from"] = o.from;
  if (!o.to.empty()) criteria["started_to"] = o.to;
  auto parsed = app::CriteriaFromJson(criteria);
  if (!parsed) return parsed.error();
  app::SampleRequest in;
  in.criteria = std::move(*parsed);
  in.size = o.size;
  in.title = o.title;
  if (!o.seed.empty()) in.seed = o.seed;
  if (o.as_of_seq != 0) in.as_of_seq = o.as_of_seq;
  return in;
}

int Draw(const Options& o) {
  if (o.format != "json" && o.format != "csv")
    return Fail(Error::Invalid("bad_format", "--format is json or csv", "format"));
  if (o.record && o.by.empty())
    return Fail(Error::Invalid("required", "--record needs --by USERNAME", "by"));
  auto in = RequestOf(o);
  if (!in) return Fail(in.error());
  auto started = StartBatchRun(o.db, "");
  if (!started.db) return started.exit_code;
  app::Draw draw;
  std::optional<int64_t> id;
  if (o.record) {
    auto who = app::PrincipalOf(*started.db, o.by);
    if (!who) return Fail(who.error());
    auto s = app::DrawSample(*started.db, *who, *in, started.now);
    if (!s) return Fail(s.error());
    id = s->id;
    draw = {s->criteria, s->seed, s->size, s->through_seq, s->head_hash, s->population_count, {}};
    for (const auto& c : s->cases) draw.crns.push_back(c.crn);
  } else {
    auto d = app::DrawFromLog(*started.db, *in);
    if (!d) return Fail(d.error());
    draw = std::move(*d);
  }
  if (o.format == "csv") {
    std::cout << app::DrawCsv(draw);
    return 0;
  }
  std::cout << json{{"id", id ? json(*id) : json(nullptr)},
                    {"criteria", app::CriteriaJson(draw.criteria)},
                    {"seed", draw.seed},
                    {"size", draw.size},
                    {"through_seq", draw.through_seq},
                    {"head_hash", draw.head_hash},
                    {"population_count", draw.population_count},
                    {"crns", draw.crns}}
                   .dump()
            << "\n";
  return 0;
}

int Verify(const Options& o) {
  auto started = StartBatchRun(o.db, "");
  if (!started.db) return started.exit_code;
  auto v = app::VerifySampleFromLog(*started.db, o.id);
  if (!v) return Fail(v.error());
  std::cout << json{{"id", o.id},
                    {"same", v->same},
                    {"log_matches", v->log_matches},
                    {"population_count", v->population_count},
                    {"recorded", v->recorded},
                    {"redrawn", v->redrawn},
                    {"verdict", v->verdict}}
                   .dump()
            << "\n";
  return v->same ? 0 : 1;
}

void AddDb(CLI::App* cmd, Options& o) {
  cmd->add_option("--db", o.db, "Database URL: sqlite:PATH or postgresql://...")
      ->envname("PROBITY_DB")
      ->required();
}
}  // namespace

void AddSampleCommand(CLI::App& app, std::function<int()>& chosen) {
  auto* sample = app.add_subcommand("sample", "Inspection samples drawn from the event log");
  sample->require_subcommand(1);
  auto o = std::make_shared<Options>();  // owned by the callbacks, which CLI11 keeps

  auto* draw = sample->add_subcommand(
      "draw",
      "Draw a random sample of the cases a unit held, from the event log as of a seq, with a "
      "seed; prints the cases with the seed and seq that draw them again");
  AddDb(draw, *o);
  draw->add_option("--size", o->size, "How many cases, 1 to 500")->required();
  draw->add_option("--team", o->team, "Cases held by this team (code)");
  draw->add_option("--pdu", o->pdu, "Cases held by this PDU (code)");
  draw->add_option("--region", o->region, "Cases held by this region (code)");
  draw->add_option("--kind", o->kinds,
                   "With a current sentence of this kind (repeat for several): "
                   "community_order, suspended_sentence_order, licence, pss");
  draw->add_option("--from", o->from, "Sentence started on or after, YYYY-MM-DD");
  draw->add_option("--to", o->to, "Sentence started on or before, YYYY-MM-DD");
  draw->add_option("--seed", o->seed, "64 hexadecimal characters (default: a new random seed)");
  draw->add_option("--as-of-seq", o->as_of_seq, "The log up to this seq (default: all of it)");
  draw->add_option("--format", o->format, "json or csv")->capture_default_str();
  draw->add_flag("--record", o->record, "Record the sample (needs --by)");
  draw->add_option("--by", o->by, "The username the sample is recorded as drawn by");
  draw->add_option("--title", o->title, "What the recorded sample is for")->capture_default_str();
  draw->callback([o, &chosen] { chosen = [o] { return Draw(*o); }; });

  auto* verify = sample->add_subcommand(
      "verify",
      "Draw a recorded sample again from the log as of its seq and compare; exit 1 when it "
      "differs");
  AddDb(verify, *o);
  verify->add_option("--id", o->id, "The sample's id")->required();
  verify->callback([o, &chosen] { chosen = [o] { return Verify(*o); }; });
}

}  // namespace probity::cli
