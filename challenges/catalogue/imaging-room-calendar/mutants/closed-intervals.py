DAY_END = 24 * 60


class UnknownRoom(KeyError):
    """A room the clinic doesn't have."""


class SlotTaken(ValueError):
    """The room is already booked for part of the slot."""


def _minute(value):
    return isinstance(value, int) and not isinstance(value, bool)


class RoomCalendar:
    def __init__(self, rooms):
        self.rooms = list(rooms)
        self.live = {room: {} for room in self.rooms}  # room -> {id: (start, end)}
        self.where = {}  # live booking id -> room
        self.made = 0

    def book(self, room, start, end):
        if room not in self.live:
            raise UnknownRoom(room)
        if not (_minute(start) and _minute(end) and 0 <= start < end <= DAY_END):
            raise ValueError(f"invalid slot {start!r}-{end!r}")
        clashes = [
            (s, e) for s, e in self.live[room].values() if start <= e and s <= end
        ]
        if clashes:
            s, e = min(clashes)
            raise SlotTaken(f"{room} is busy {s}-{e}")
        self.made += 1
        booking_id = f"B{self.made}"
        self.live[room][booking_id] = (start, end)
        self.where[booking_id] = room
        return booking_id

    def cancel(self, booking_id):
        room = self.where.pop(booking_id)  # KeyError when unknown or already cancelled
        start, end = self.live[room].pop(booking_id)
        return end - start

    def next_free(self, room, duration, after):
        candidate = after
        for start, end in sorted(self.live[room].values()):
            if start < candidate + duration and candidate < end:
                candidate = end
        return candidate if candidate + duration <= DAY_END else None

    @property
    def occupancy(self):
        return {
            room: sum(end - start for start, end in bookings.values())
            for room, bookings in self.live.items()
        }
