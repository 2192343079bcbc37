"""Two lessons of one class in February 2027: on a Wednesday (10 February) that is a working
day by law but a day off in the example 2027 notice (a bridge day of 春节), and a week later."""
import datetime as dt

from trainer.services import courses, enterprises, lecturers, requests, schedule

BRIDGE_DAY, LATER = dt.date(2027, 2, 10), dt.date(2027, 2, 17)


def february_2027_lessons(uow):
    theme = next(t for t in courses.list_themes(uow) if t.name == "安全生产")
    course = courses.create_course(uow, courses.CourseForm(theme_id=theme.id, title="班组安全管理",
                                                           lesson_count=2, lesson_minutes=120))
    teacher = lecturers.create_lecturer(uow, lecturers.LecturerForm(
        name="王建国", category="national_senior", theme_ids=(theme.id,)))
    firm = enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新钢公司"))
    venue = enterprises.create_venue(uow, enterprises.VenueForm(name="一车间",
                                                                enterprise_id=firm.id, capacity=60))
    request = requests.create_request(uow, requests.TrainingRequestForm(
        enterprise_id=firm.id, course_id=course.id, workers=40,
        window_start=dt.date(2027, 2, 1), window_end=dt.date(2027, 2, 26)))
    cls = schedule.create_classes(uow, request.id)[0]
    return [schedule.add_lesson(uow, schedule.LessonForm(
        cls.id, day, "morning", lecturer_id=teacher.id, venue_id=venue.id))
        for day in (BRIDGE_DAY, LATER)]
