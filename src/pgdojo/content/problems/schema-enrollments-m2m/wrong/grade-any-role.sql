-- expect: wrong_answer on non-graded-roles
-- Checks the grade's range but not who may be graded: an auditor can end up with a grade.
CREATE TABLE enrollments (
    student_id integer  NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    course_id  integer  NOT NULL REFERENCES courses (course_id) ON DELETE RESTRICT,
    role       text     NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'auditor', 'assistant')),
    grade      smallint CHECK (grade >= 0 AND grade <= 100),
    PRIMARY KEY (student_id, course_id)
);
CREATE INDEX ON enrollments (course_id);
