// The `probity` command line (CLI11): parses arguments, opens the database, calls use cases and
// prints results. Every failure is one line on stderr, "probity: <what is wrong>; <what to do>",
// and a non-zero exit: 2 for bad usage, 1 for a failed check or operation.
#pragma once

namespace probity::cli {

int Main(int argc, char** argv);

}  // namespace probity::cli
