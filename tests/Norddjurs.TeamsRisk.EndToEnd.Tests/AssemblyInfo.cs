// Each test starts an App and a Playground process; on two shared cores they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
