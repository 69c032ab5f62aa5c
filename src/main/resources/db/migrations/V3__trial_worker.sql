-- Version 3: which process ran each trial (issue 8): 'local' for the in-process pool, the member's
-- host:port for a cluster worker; null for trials written before this version or never started.
ALTER TABLE trial ADD COLUMN worker TEXT;
