// The subcommands of `probity`: each registers its options on the CLI11 app and, once parsed,
// runs. Kept apart from cli.cc so each command reads as one small function.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace probity::cli {

class Commands {
 public:
  explicit Commands(CLI::App& app);
  // Runs the chosen subcommand; returns the process exit code.
  int Run();

 private:
  std::function<int()> chosen_;
  std::string db_;
  std::string listen_ = "127.0.0.1:8080";
  int threads_ = 4;
  bool secure_cookies_ = false;
  std::string assets_;
  std::string demo_password_;
  // user add / disable, token create / revoke
  std::string username_, name_, grade_ = "po", role_ = "practitioner";
  std::vector<std::string> teams_;
  double hours_ = 37;
  std::string start_date_, qualified_on_;
  long long token_id_ = 0;
};

}  // namespace probity::cli
