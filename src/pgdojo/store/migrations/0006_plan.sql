-- The practice plan: one per user, its weeks and items as the plan was made (it adapts when
-- shown, from the attempts recorded since).

CREATE TABLE practice_plan (
    user_name      text PRIMARY KEY,
    interview_date date        NOT NULL,
    starts_on      date        NOT NULL,
    hours_per_week numeric(5, 2),
    weeks          jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
