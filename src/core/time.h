// UTC instants and the clock. Rules never read a clock: the shell reads it once per request or
// command and passes the instant down, so rules stay pure and tests choose the time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace probity {

// An instant in UTC with microsecond precision (what both backends store exactly).
using UtcTime = std::chrono::sys_time<std::chrono::microseconds>;

// "2026-11-23T09:15:02.123456Z": fixed width, so text order is time order.
std::string FormatUtc(UtcTime t);

// Parses exactly the FormatUtc form; nullopt for anything else.
std::optional<UtcTime> ParseUtc(std::string_view text);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UtcTime Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UtcTime Now() const override;
};

// A clock tests set by hand.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(UtcTime t) : t_(t) {}
  UtcTime Now() const override { return t_; }
  void Set(UtcTime t) { t_ = t; }

 private:
  UtcTime t_;
};

}  // namespace probity
