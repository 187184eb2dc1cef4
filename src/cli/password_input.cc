#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace probity::cli {

Result<std::string> ReadPassword(const char* prompt) {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::cerr << prompt << std::flush;
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  const bool got = static_cast<bool>(std::getline(std::cin, password));
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (!got || password.empty())
    return Error::Invalid("missing_password",
                          "give the password on standard input (for example: echo \"$PW\" | "
                          "probity user add ...)",
                          "password");
  return password;
}

}  // namespace probity::cli
