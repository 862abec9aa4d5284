-- Issue 8: placeholder, filled by the feature's own migration.
SELECT 1;
