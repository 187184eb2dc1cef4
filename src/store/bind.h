// Binding optional values as SOCI parameters (SOCI 4.0 knows boost::optional, not std::optional):
//   store::Nullable phone(person.phone);
//   tx.sql() << "... :phone", store::Use(phone);
// The Nullable must outlive the statement, so declare it before the statement runs.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace probity::store {

template <class T>
struct Nullable {
  T value{};
  soci::indicator indicator = soci::i_null;

  Nullable() = default;
  explicit Nullable(const std::optional<T>& v) {
    if (v) {
      value = *v;
      indicator = soci::i_ok;
    }
  }
};

// soci::use keeps a reference to its name argument, so the name must outlive this call: a
// default (temporary) one would dangle.
inline const std::string& NoName() {
  static const std::string name;
  return name;
}

template <class T>
auto Use(Nullable<T>& v) {
  return soci::use(v.value, v.indicator, NoName());
}

using NullableText = Nullable<std::string>;
using NullableId = Nullable<long long>;

inline NullableId NullableIdOf(const std::optional<int64_t>& id) {
  return NullableId(id ? std::optional<long long>(*id) : std::nullopt);
}

}  // namespace probity::store
