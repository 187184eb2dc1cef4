// Files compiled into the program at build time (cmake/embed_files.cmake): the SQL migrations, the
// OpenAPI document and the page templates. Never read from disk at run time, so a binary and its
// schema, API and pages always agree.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace probity::embedded {

struct File {
  std::string_view path;  // relative to the source root, e.g. "migrations/0001_event_log.sql"
  std::string_view content;
};

// Sorted by path.
const std::vector<File>& Files();

inline std::optional<std::string_view> Find(std::string_view path) {
  for (const auto& f : Files())
    if (f.path == path) return f.content;
  return std::nullopt;
}

}  // namespace probity::embedded
