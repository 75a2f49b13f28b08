"""Scale-out: distributed runs (Ray Data) that write Parquet shards in the store's schema."""
