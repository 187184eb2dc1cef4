// The probity program run as a real process, as an operator runs it: its exit code and what it
// printed. PROBITY_BIN names the program (CTest sets it); otherwise it is looked for beside the
// test binary.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace probity::testing {

inline std::string ProgramPath() {
  if (const char* bin = std::getenv("PROBITY_BIN"); bin && *bin) return bin;
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "probity").string();
}

struct Run {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
  int Lines() const {
    int n = 0;
    for (char c : output) n += c == '\n';
    return n;
  }
};

// Runs a shell command line, collecting its output.
inline Run Shell(const std::string& command_line) {
  const std::string command = command_line + " 2>&1";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    run.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace probity::testing
