// The probity program: everything lives in the library; this only hands over the arguments.
#include "cli/cli.h"

int main(int argc, char** argv) { return probity::cli::Main(argc, argv); }
