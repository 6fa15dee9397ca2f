-- One attempt model for every track. An attempt is one sitting at one item: a SQL problem, a
-- lab incident, a deep-dive answer, an experiment run, a flashcard review. Track-specific detail
-- (submissions, lab checks, gradings, experiment steps, card reviews) stays in its own table,
-- keyed by attempt_id. Existing rows are carried over: every detail row gets an attempt.

ALTER TABLE attempt RENAME COLUMN solved TO passed;
ALTER TABLE attempt
    ADD COLUMN activity       text           NOT NULL DEFAULT 'practice',
    ADD COLUMN active_seconds numeric(12, 3) NOT NULL DEFAULT 0 CHECK (active_seconds >= 0),
    ADD COLUMN last_active_at timestamptz,
    ADD COLUMN score          smallint       CHECK (score BETWEEN 0 AND 100),
    ADD COLUMN detail         jsonb          NOT NULL DEFAULT '{}',
    ADD COLUMN legacy_ref     text;

-- Existing attempts: SQL problems (scored by their submissions) and labs (by their checks).
UPDATE attempt SET activity = 'problem' WHERE track = 'sql';
UPDATE attempt SET activity = 'incident' WHERE track = 'lab';
UPDATE attempt
   SET active_seconds = coalesce(seconds_to_solve, 0),
       last_active_at = coalesce(finished_at, started_at);
UPDATE attempt a
   SET score = CASE WHEN s.accepted THEN 100 ELSE 0 END
  FROM (SELECT attempt_id, bool_or(verdict = 'accepted') AS accepted
          FROM submission WHERE attempt_id IS NOT NULL GROUP BY attempt_id) s
 WHERE s.attempt_id = a.id;
-- A lab's score from its latest check, by the formula of tracks/lab (pgdojo.attempts.lab_score):
-- fix 50, prevention 20, detection 15, method up to 15, minus 5 per trap.
UPDATE attempt a
   SET score = greatest(0, least(100,
           (CASE WHEN c.fix THEN 50 ELSE 0 END) + (CASE WHEN c.prevention THEN 20 ELSE 0 END)
         + (CASE WHEN c.detect THEN 15 ELSE 0 END) + round(c.investigation * 0.15)::int
         - 5 * c.traps))
  FROM (SELECT DISTINCT ON (attempt_id) attempt_id, fix, prevention, detect, investigation, traps
          FROM lab_check WHERE attempt_id IS NOT NULL ORDER BY attempt_id, checked_at DESC) c
 WHERE c.attempt_id = a.id;
ALTER TABLE attempt DROP COLUMN seconds_to_solve;

-- Submissions judged outside an attempt (`pgdojo sql judge`) become one-shot attempts.
INSERT INTO attempt (user_name, track, item_id, activity, started_at, finished_at, last_active_at,
                     passed, score, legacy_ref)
SELECT user_name, track, item_id, 'problem', created_at, created_at, created_at,
       verdict = 'accepted', CASE WHEN verdict = 'accepted' THEN 100 ELSE 0 END,
       'submission:' || id
  FROM submission WHERE attempt_id IS NULL;
UPDATE submission s SET attempt_id = a.id
  FROM attempt a WHERE a.legacy_ref = 'submission:' || s.id;

-- Deep-dive gradings: one attempt each, passed at the "strong" band (75, pgdojo.grading).
ALTER TABLE deepdive_grading ADD COLUMN attempt_id bigint REFERENCES attempt (id) ON DELETE CASCADE;
INSERT INTO attempt (user_name, track, item_id, activity, started_at, finished_at, last_active_at,
                     passed, score, legacy_ref)
SELECT user_name, 'deepdive', topic_id, 'answer', created_at, created_at, created_at,
       score >= 75, score, 'grading:' || id
  FROM deepdive_grading;
UPDATE deepdive_grading g SET attempt_id = a.id
  FROM attempt a WHERE a.legacy_ref = 'grading:' || g.id;

-- Experiment runs: scored by the share of correct predictions (100 when none were asked).
ALTER TABLE experiment_run ADD COLUMN attempt_id bigint REFERENCES attempt (id) ON DELETE CASCADE;
INSERT INTO attempt (user_name, track, item_id, activity, started_at, finished_at, last_active_at,
                     passed, score, legacy_ref)
SELECT user_name, 'deepdive', topic_id, 'experiment', created_at, created_at, created_at,
       true, CASE WHEN asked = 0 THEN 100 ELSE round(100.0 * correct / asked)::int END,
       'experiment:' || id
  FROM experiment_run;
UPDATE experiment_run e SET attempt_id = a.id
  FROM attempt a WHERE a.legacy_ref = 'experiment:' || e.id;

-- Card reviews: again 0, hard 50, good 80, easy 100 (pgdojo.tracks.deepdive.cards.RATING_SCORES).
ALTER TABLE card_review ADD COLUMN attempt_id bigint REFERENCES attempt (id) ON DELETE CASCADE;
INSERT INTO attempt (user_name, track, item_id, activity, started_at, finished_at, last_active_at,
                     passed, score, legacy_ref)
SELECT user_name, 'deepdive', card_id, 'card', reviewed_at, reviewed_at, reviewed_at,
       rating >= 3, (ARRAY[0, 50, 80, 100])[rating], 'card:' || id
  FROM card_review;
UPDATE card_review r SET attempt_id = a.id
  FROM attempt a WHERE a.legacy_ref = 'card:' || r.id;

ALTER TABLE attempt DROP COLUMN legacy_ref;
CREATE INDEX attempt_user_track ON attempt (user_name, track, activity, started_at DESC);
