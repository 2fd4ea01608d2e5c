#!/bin/bash
# Submits the shards as a job array, then the merge to run once all of them succeeded.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p logs
array=$(sbatch --parsable shard.sbatch)
sbatch --dependency="afterok:$array" merge.sbatch
