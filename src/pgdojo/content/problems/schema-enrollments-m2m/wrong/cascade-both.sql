-- expect: wrong_answer on keep-course
-- CASCADE on both foreign keys: deleting a course silently wipes every enrollment (and grade) in it.
CREATE TABLE enrollments (
    student_id integer  NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    course_id  integer  NOT NULL REFERENCES courses (course_id) ON DELETE CASCADE,
    role       text     NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'auditor', 'assistant')),
    grade      smallint CHECK (grade >= 0 AND grade <= 100),
    CHECK (grade IS NULL OR role = 'student'),
    PRIMARY KEY (student_id, course_id)
);
CREATE INDEX ON enrollments (course_id);
