-- expect: wrong_answer on duplicate-enrollment
-- A generated id as the only key: nothing stops the same pair from being enrolled twice.
CREATE TABLE enrollments (
    enrollment_id bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id    integer  NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    course_id     integer  NOT NULL REFERENCES courses (course_id),
    role          text     NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'auditor', 'assistant')),
    grade         smallint CHECK (grade >= 0 AND grade <= 100),
    CHECK (grade IS NULL OR role = 'student')
);
CREATE INDEX ON enrollments (student_id);
CREATE INDEX ON enrollments (course_id);
