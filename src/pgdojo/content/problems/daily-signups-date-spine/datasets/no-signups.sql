-- Launch week was cancelled: nobody signed up.
SELECT 1;
