-- expect: wrong_answer on erase-student
-- The default NO ACTION on the student key too: the erasure request fails while enrollments exist.
CREATE TABLE enrollments (
    student_id integer  NOT NULL REFERENCES students (student_id),
    course_id  integer  NOT NULL REFERENCES courses (course_id),
    role       text     NOT NULL DEFAULT 'student' CHECK (role IN ('student', 'auditor', 'assistant')),
    grade      smallint CHECK (grade >= 0 AND grade <= 100),
    CHECK (grade IS NULL OR role = 'student'),
    PRIMARY KEY (student_id, course_id)
);
CREATE INDEX ON enrollments (course_id);
