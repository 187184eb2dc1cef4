// Loads a demonstration caseload on top of app::SeedDemo's organisation and accounts: about 40
// staff across the demo teams and `people` people on probation with varied sentences,
// requirements, licence conditions, registrations, needs, addresses and a history of contacts.
// demo.po1 holds a caseload, NE-TYN-A has a few unallocated cases, one case is restricted to
// demo.spo1 and demo.manager1 and one excludes demo.po2.
//
// Everything is written through the same use cases people use (accounts, people, sentences,
// contacts), so each row has its events and the chain verifies. Deterministic for a given seed and
// `now` (names, CRNs, dates, choices; only the staff's unused passwords are random). Safe to run
// again: when anyone is already registered it writes nothing.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "core/time.h"
#include "store/db.h"

namespace probity::app {

// Needs app::SeedDemo to have run (the teams and demo accounts). `people` <= 0 writes nothing.
// Dates: sentences in the two years before `now`, contacts between the sentence (or release) and
// `now`, never after it. Errors come from the use cases, with the CRN at fault in the message.
Status SeedDemoCaseload(store::Db& db, int people, uint64_t seed, UtcTime now);

}  // namespace probity::app
