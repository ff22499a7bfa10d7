class UnknownRoom(KeyError):
    pass


class SlotTaken(ValueError):
    pass


class RoomCalendar:
    def __init__(self, rooms):
        self.rooms = rooms

    def book(self, room, start, end):
        return "B1"

    def cancel(self, booking_id):
        return 0

    def next_free(self, room, duration, after):
        return after

    @property
    def occupancy(self):
        return {}
