// Reading the rows of a query in one round trip to the server.
//
// A soci::rowset prepares a named statement on PostgreSQL, executes it and deallocates it: three
// round trips for every list read. The reads behind a page are one-off queries, so they run as
// one-time queries instead (PQexecParams: one round trip, the rows arriving together). On SQLite
// the two are the same.
//
//   const long long person = id;  // bound values must outlive Read
//   store::Rows(tx).Use(person).Read("SELECT ... WHERE person_id = :p", [&](const soci::row& r) {
//     ...
//   });
#pragma once

#include <soci/soci.h>

#include <string>
#include <type_traits>
#include <utility>

#include "store/db.h"

namespace probity::store {

class Rows {
 public:
  explicit Rows(Transaction& tx) : statement_(tx.sql()) {}

  // Binds the next parameter by position. soci keeps a reference: `value` must outlive Read.
  template <class T>
  Rows& Use(const T& value) {
    statement_.exchange(soci::use(value));
    return *this;
  }
  // Binds a parameter by name; `value` and `name` must outlive Read.
  template <class T>
  Rows& Use(const T& value, const std::string& name) {
    statement_.exchange(soci::use(value, name));
    return *this;
  }

  // Runs `sql` and calls `each(const soci::row&)` for every row in order; `each` may return
  // false to stop early.
  template <class Each>
  void Read(const std::string& sql, Each each) {
    statement_.exchange(soci::into(row_));
    statement_.alloc();
    statement_.prepare(sql, soci::details::st_one_time_query);
    statement_.define_and_bind();
    if (!statement_.execute(true)) return;
    do {
      if constexpr (std::is_same_v<decltype(each(std::as_const(row_))), bool>) {
        if (!each(std::as_const(row_))) return;
      } else {
        each(std::as_const(row_));
      }
    } while (statement_.fetch());
  }

 private:
  soci::row row_;
  soci::statement statement_;
};

}  // namespace probity::store
