// The organisation as value types: regions > probation delivery units (PDUs) > teams, and offices
// in a PDU. No I/O here.
#pragma once

#include <cstdint>
#include <string>

namespace probity::org {

struct Region {
  int64_t id = 0;
  std::string code;
  std::string name;
  int version = 1;
};

struct Pdu {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string region_code;
  int version = 1;
};

struct Team {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string pdu_code;
  int version = 1;
};

struct Office {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string address;
  std::string pdu_code;
  int version = 1;
};

}  // namespace probity::org
