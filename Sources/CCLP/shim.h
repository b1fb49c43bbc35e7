// COIN-OR CLP's C interface: the LP engine behind Siting's exact bounds (Debian: coinor-libclp-dev).
#include <coin/Clp_C_Interface.h>
