#include "cli/cli.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"

namespace probity::cli {

namespace {
// CLI11 prints several lines for a usage error; we print one that says what to do.
int UsageError(const CLI::App& app, const CLI::ParseError& e) {
  std::string what = e.what();
  for (char& c : what)
    if (c == '\n') c = ' ';
  std::string command = app.get_name();
  for (const CLI::App* parent = app.get_parent(); parent; parent = parent->get_parent())
    command = parent->get_name() + " " + command;
  std::cerr << "probity: " << what << "; run '" << command << " --help' for usage\n";
  return 2;
}
}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{"Probity: case management for probation services", "probity"};
  app.require_subcommand(1);
  Commands commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // The innermost subcommand named, so its usage is the one suggested.
    const CLI::App* where = &app;
    while (!where->get_subcommands().empty()) where = where->get_subcommands().front();
    return UsageError(*where, e);
  }
  try {
    return commands.Run();
  } catch (const soci::soci_error& e) {
    std::string what = e.what();
    for (char& c : what)
      if (c == '\n') c = ' ';
    std::cerr << "probity: database error: " << what
              << "; check that the database is reachable and migrated ('probity migrate')\n";
    return 1;
  }
}

}  // namespace probity::cli
