CREATE TABLE enrollments (
    student_id integer  NOT NULL REFERENCES students (student_id) ON DELETE CASCADE,
    course_id  integer  NOT NULL REFERENCES courses (course_id) ON DELETE RESTRICT,
    role       text     NOT NULL DEFAULT 'student'
        CHECK (role IN ('student', 'auditor', 'assistant')),
    grade      smallint CHECK (grade >= 0 AND grade <= 100),
    -- Only a student who takes the course for credit is graded.
    CONSTRAINT enrollments_grade_for_students CHECK (grade IS NULL OR role = 'student'),
    -- One enrollment per pair; also serves "courses of a student" (leading column).
    PRIMARY KEY (student_id, course_id)
);

-- "Students of a course", and the RESTRICT check when a course is deleted.
CREATE INDEX enrollments_course_idx ON enrollments (course_id);
