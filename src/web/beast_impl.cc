// The one translation unit that compiles Boost.Beast and Boost.Asio
// (BOOST_BEAST_SEPARATE_COMPILATION and BOOST_ASIO_SEPARATE_COMPILATION are defined for the whole
// library). Holds nothing else: every other file includes only the Beast and Asio headers it needs.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
