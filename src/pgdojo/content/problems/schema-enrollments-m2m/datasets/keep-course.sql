INSERT INTO enrollments (student_id, course_id, role, grade) VALUES
    (1, 10, 'student', 87),
    (1, 20, 'student', NULL),
    (2, 10, 'auditor', NULL),
    (3, 10, 'assistant', NULL);
