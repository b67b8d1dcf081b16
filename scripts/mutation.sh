#!/bin/sh
# Mutation testing of one module of src/prestatie/_target, against the target tests alone:
# tests/test_target*.py and the doctests of _target. One mutant at a time, niced, so that it
# finishes on shared cores; the whole run of [tool.mutmut] also runs the money, code and checks
# tests for every mutant they reach.
#
#   scripts/mutation.sh relative     # or read, tokens, write, algebra (words has no functions)
#   .venv/bin/mutmut results         # the survivors; `mutmut show NAME` shows one
#   scripts/mutation.sh relative NAME ...   # runs these mutants again, after new tests
#
# Results are kept in mutants/; a later run over every module collects the other tests again.
set -eu
module=${1:?"usage: scripts/mutation.sh MODULE [MUTANT ...] (relative, read, tokens, write, algebra)"}
shift
[ $# -gt 0 ] || set -- "prestatie._target.$module.*"
cd "$(dirname "$0")/.."
export HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-mutation}"
# Paths are relative to mutants/, where mutmut runs pytest. The doctests of _target are added;
# "not mutmut" leaves out the copies of each docstring in the mutated functions.
export PYTEST_ADDOPTS="--ignore-glob=tests/test_money* --ignore-glob=tests/test_code*
 --ignore-glob=tests/test_checks* src/prestatie/_target -k 'not mutmut'"
exec nice -n 10 .venv/bin/mutmut run --max-children 1 "$@"
